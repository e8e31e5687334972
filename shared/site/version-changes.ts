/** What an amendment changed: every cell whose value differs from the version before, and which text parts. */
import { TEXT_PART_LABELS, type TextPartKey } from '#shared/report/labels.ts';
import type { Cell, Report } from '#shared/report/model.ts';
import { cellAt, cellRefs, describePath } from '#shared/report/paths.ts';

export interface CellChange {
  readonly path: string;
  readonly label: string;
  readonly before: Cell | undefined;
  readonly after: Cell | undefined;
}

export interface VersionChanges {
  readonly cells: readonly CellChange[];
  /** Printed names of the prose parts (and the title) whose text differs. */
  readonly texts: readonly string[];
}

export function versionChanges(before: Report, after: Report): VersionChanges {
  const paths = [...new Set([...cellRefs(before.shapes), ...cellRefs(after.shapes)].map((r) => r.path))];
  const cells = paths.flatMap((path) => {
    const old = cellAt(before, path);
    const now = cellAt(after, path);
    return (old ?? null) === (now ?? null)
      ? []
      : [{ path, label: describePath(path, after.shapes), before: old, after: now }];
  });
  const parts = Object.keys(TEXT_PART_LABELS) as TextPartKey[];
  const texts = [
    ...(before.title === after.title ? [] : ['标题']),
    ...parts.filter((p) => before.text[p] !== after.text[p]).map((p) => TEXT_PART_LABELS[p]),
  ];
  return { cells, texts };
}
