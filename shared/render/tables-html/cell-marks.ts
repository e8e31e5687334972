/**
 * Which cells findings point at, so a table can mark them and tie each to the finding text
 * (`aria-describedby`). Finding elements are identified by their position in the list given.
 */

import { findingKey } from '#shared/report/explanations.ts';
import type { Finding, Severity } from '#shared/report/findings.ts';
import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';

export interface TableRenderOptions {
  /** Findings to mark beside their cells. */
  readonly findings?: readonly Finding[];
  /** Prefixed to every element id, so two reports can share one page. */
  readonly idPrefix?: string;
  /**
   * Print under each table the findings that concern it (default). A page that lists the findings
   * itself passes false and gives each one the id `findingElementId(index, idPrefix)`.
   */
  readonly listFindings?: boolean;
  /** The filer's explanations, by finding key: printed with their findings, and pointed at from their cells. */
  readonly explanations?: ReadonlyMap<string, string>;
}

export interface CellMark {
  readonly severity: Severity;
  readonly findingIds: readonly string[];
  /** The element id of the first finding on the cell that the filer explained, or null. */
  readonly explainedBy: string | null;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function findingElementId(index: number, idPrefix = ''): string {
  return `${idPrefix}finding-${index + 1}`;
}

/** An element id for a cell path; ids may not contain whitespace, extra-row labels may. */
export function cellElementId(path: string, idPrefix = ''): string {
  return `${idPrefix}${path.replace(/\s/g, '_')}`;
}

export function cellMarks(options: TableRenderOptions): ReadonlyMap<string, CellMark> {
  const marks = new Map<string, CellMark>();
  (options.findings ?? []).forEach((finding, index) => {
    const id = findingElementId(index, options.idPrefix);
    const explained = options.explanations?.has(findingKey(finding)) === true;
    for (const path of new Set(finding.paths)) {
      const mark = marks.get(path);
      const severity = mark && RANK[mark.severity] <= RANK[finding.severity] ? mark.severity : finding.severity;
      const explainedBy = mark?.explainedBy ?? (explained ? id : null);
      marks.set(path, { severity, findingIds: [...(mark?.findingIds ?? []), id], explainedBy });
    }
  });
  return marks;
}

/** The table a finding is listed under: the first of its paths that lies in a table. */
export function tableOfFinding(finding: Finding): TableKey | null {
  for (const path of finding.paths) {
    const [first] = path.split('.');
    if (first !== undefined && Object.hasOwn(TABLE_LABELS, first)) return first as TableKey;
  }
  return null;
}
