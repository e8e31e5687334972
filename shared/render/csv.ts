/**
 * One CSV row per table cell, in canonical order (表二, extra rows, 表三 row by row, 表四), so a report
 * opens in Excel as a long table. The header is fixed English names: the yearly dataset prepends
 * agencyId and year to the same rows and scripts read it by name; the labels inside are Chinese.
 * UTF-8 with BOM and CRLF, because Excel on Windows needs both to show Chinese and line breaks.
 */
import type { Explanation } from '#shared/report/explanations.ts';
import { TABLE_LABELS } from '#shared/report/labels.ts';
import type { Cell, Report } from '#shared/report/model.ts';
import { cellAt, cellRefs } from '#shared/report/paths.ts';
import { extraRowCells } from '#shared/validate/extra-row-cells.ts';
import { formatNumber } from './format-number.ts';

/** `explanation` came last so that the columns before it keep their places. */
export const REPORT_CSV_HEADER = [
  'path',
  'table',
  'row_label',
  'column_label',
  'value',
  'note',
  'explanation',
] as const;

const BOM = '\uFEFF';
const LABEL_SEPARATOR = ' › ';

/** Text that Excel would run as a formula (=, +, @, or - not starting a number) gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+@\t\r]/.test(text) || /^-(?![\d.]|$)/.test(text) ? `'${text}` : text;
}

function valueField(value: Cell | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value);
}

/** The filer's explanations of the findings on each cell, joined (a cell may carry several). */
function explanationsByCell(explanations: readonly Explanation[]): ReadonlyMap<string, string> {
  const byCell = new Map<string, string[]>();
  for (const e of explanations) for (const path of e.paths) byCell.set(path, [...(byCell.get(path) ?? []), e.text]);
  return new Map([...byCell].map(([path, texts]) => [path, texts.join('；')]));
}

/** The fields of every cell row, in header order; the dataset export prepends its own columns. */
export function reportCsvRows(report: Report, explanations: readonly Explanation[] = []): string[][] {
  const explained = explanationsByCell(explanations);
  const note = (path: string) => neutraliseFormula(report.cellNotes[path] ?? '');
  const explanation = (path: string) => neutraliseFormula(explained.get(path) ?? '');
  const standard = cellRefs(report.shapes).map((ref) => [
    ref.path,
    TABLE_LABELS[ref.table].short,
    ref.rowLabels.join(LABEL_SEPARATOR),
    ref.columnLabels.join(LABEL_SEPARATOR),
    valueField(cellAt(report, ref.path)),
    note(ref.path),
    explanation(ref.path),
  ]);
  const extra = extraRowCells(report).map((cell) => [
    cell.path,
    TABLE_LABELS.proactiveDisclosure.short,
    neutraliseFormula(cell.rowLabel),
    neutraliseFormula(cell.columnLabel),
    valueField(cell.value),
    note(cell.path),
    explanation(cell.path),
  ]);
  const proactiveCount = standard.filter((row) => row[0]?.startsWith('proactiveDisclosure.')).length;
  return [...standard.slice(0, proactiveCount), ...extra, ...standard.slice(proactiveCount)];
}

/** One RFC 4180 record: fields with a quote, comma or line break are quoted, quotes doubled. */
export function encodeCsvRecord(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}

/** A whole CSV file: BOM, records joined and ended by CRLF. */
export function encodeCsv(records: readonly (readonly string[])[]): string {
  return `${BOM}${records.map((r) => `${encodeCsvRecord(r)}\r\n`).join('')}`;
}

export function renderReportCsv(report: Report, explanations: readonly Explanation[] = []): string {
  return encodeCsv([REPORT_CSV_HEADER, ...reportCsvRows(report, explanations)]);
}
