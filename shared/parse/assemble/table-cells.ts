/**
 * Writes the figures of one template row into the report, by position. A row whose cell count does
 * not fit is never shifted: its cells stay null and an H7 finding says why (docs/spec/format-notes.md §5: "missing
 * trailing cells — treat as incomplete, never shift cells left").
 */

import { type Finding, RULE_SEVERITY } from '#shared/report/findings.ts';
import type { Cell } from '#shared/report/model.ts';
import { readCellValue } from '../cell-value.ts';

export type TableTarget = Record<string, Record<string, Cell>>;

export interface AssemblyOutput {
  readonly cellNotes: Record<string, string>;
  readonly findings: Finding[];
}

function firstNonBlank(values: readonly string[]): number {
  let i = 0;
  while (i < values.length && values[i] === '') i++;
  return i;
}

function lastNonBlank(values: readonly string[]): number {
  let i = values.length;
  while (i > 0 && values[i - 1] === '') i--;
  return i;
}

/**
 * Fits printed cells to `n` columns. Extra cells are accepted only when they are blank padding left by
 * merged cells on one side of the figures; which side must be unambiguous, otherwise `null`. When the reader
 * vouches that the figures start right after the labels, blank cells past the first `n` are that padding.
 */
export function fitValues(values: readonly string[], n: number, figuresFollowLabels = false): readonly string[] | null {
  if (values.length === n) return values;
  if (values.length < n) return null;
  if (figuresFollowLabels && lastNonBlank(values) <= n) return values.slice(0, n);
  const start = firstNonBlank(values);
  const end = lastNonBlank(values);
  if (start >= end) return new Array<string>(n).fill('');
  const core = values.slice(start, end);
  if (core.length > n) return null;
  const missing = n - core.length;
  if (missing === 0) return core;
  const blanksBefore = start;
  const blanksAfter = values.length - end;
  if (blanksBefore === 0 && blanksAfter >= missing) return core.concat(new Array<string>(missing).fill(''));
  if (blanksAfter === 0 && blanksBefore >= missing) return new Array<string>(missing).fill('').concat(core);
  return null;
}

/** Reads one printed cell into the row; the printed text is kept when it was more than a plain number. */
function writeCell(row: Record<string, Cell>, column: string, path: string, text: string, out: AssemblyOutput) {
  const value = readCellValue(text);
  if (value.kind === 'number') {
    row[column] = value.value;
    if (value.annotated) out.cellNotes[path] = text;
    return;
  }
  row[column] = null;
  if (value.kind !== 'blank') out.cellNotes[path] = text;
}

export interface RowWrite {
  /** How findings name the row, e.g. 表三 › （四）无法提供 › 1.本机关不掌握相关政府信息. */
  readonly rowName: string;
  readonly columns: readonly string[];
  /** The cell path of each column. */
  readonly paths: readonly string[];
  readonly values: readonly string[];
  readonly figuresFollowLabels?: boolean;
}

/** Writes a row's figures into `row` (all null when the cells do not fit); returns whether they fit. */
export function writeRow(row: Record<string, Cell>, write: RowWrite, out: AssemblyOutput): boolean {
  const fitted = fitValues(write.values, write.columns.length, write.figuresFollowLabels);
  if (fitted === null) {
    for (const c of write.columns) row[c] = null;
    out.findings.push(misfitFinding(write.rowName, write.paths, write.values));
    return false;
  }
  write.columns.forEach((column, i) => {
    writeCell(row, column, write.paths[i] as string, fitted[i] as string, out);
  });
  return true;
}

/** A finding quotes the printed cells so the filer recognises the row; a runaway row is cut short. */
const MAX_SHOWN_CELLS = 20;

/** H7 for printed cells that do not fit the template's columns. */
export function misfitFinding(name: string, paths: readonly string[], values: readonly string[]): Finding {
  const n = paths.length;
  const shown = values.slice(0, MAX_SHOWN_CELLS).map((v) => (v === '' ? '（空）' : v));
  const printed = values.length > MAX_SHOWN_CELLS ? `${shown.join(' | ')} | …` : shown.join(' | ');
  return {
    code: 'H7',
    severity: RULE_SEVERITY.H7,
    paths: [...paths],
    expected: n,
    actual: values.length,
    message: {
      zh: `${name}：应有 ${n} 个数字单元格，实际读到 ${values.length} 个（${printed}），无法确定各数字所属的列，按缺失处理。`,
      en: `${paths[0] ?? name}…: expected ${n} cells, read ${values.length} (${printed}); treated as missing rather than shifted.`,
    },
  };
}
