/**
 * H7: a blank or placeholder cell ("/", "-", "—", "无") is missing, never 0. A table whose every cell
 * is missing (labels printed, no numbers — seen in real reports) is one finding, not 175. The text parts
 * are not H7: the parser reports a missing part, and S5 an empty one.
 */

import type { Finding } from '#shared/report/findings.ts';
import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import { cellName, finding } from '../messages.ts';
import type { ValidationContext } from './rule.ts';

const TABLES = Object.keys(TABLE_LABELS) as TableKey[];

function emptyTable(table: TableKey, paths: readonly string[]): Finding {
  const { short, title } = TABLE_LABELS[table];
  return finding('H7', paths, {
    zh: `${short}缺失或为空：“${title}”的 ${paths.length} 个单元格都没有数字。`,
    en: `${short} (${title}) is missing or empty: none of its ${paths.length} cells holds a number.`,
  });
}

function missingCell(report: Report, path: string): Finding {
  const raw = report.cellNotes[path];
  const shown =
    raw === undefined || raw.trim() === '' ? { zh: '空白', en: 'blank' } : { zh: `“${raw}”`, en: `"${raw}"` };
  return finding('H7', [path], {
    zh: `${cellName(report, path)}：缺少数字（原文为${shown.zh}）。缺失的单元格不能当作 0，请填写数字，没有发生的填 0。`,
    en: `${path} has no number (printed as ${shown.en}). A missing cell is not read as 0; fill in a number, 0 if none.`,
  });
}

export function checkMissingCells(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  // Most reports miss no cell: one scan of the values says so before any path is sorted into its table.
  if (!cells.values.includes(null)) return [];
  const paths = new Map<TableKey, string[]>(TABLES.map((t) => [t, []]));
  const missing = new Map<TableKey, string[]>(TABLES.map((t) => [t, []]));
  cells.refs.forEach((ref, i) => {
    paths.get(ref.table)?.push(ref.path);
    if ((cells.values[i] ?? null) === null) missing.get(ref.table)?.push(ref.path);
  });
  return TABLES.flatMap((table) => {
    const all = paths.get(table) ?? [];
    const gaps = missing.get(table) ?? [];
    if (gaps.length === 0) return [];
    if (gaps.length === all.length) return [emptyTable(table, all)];
    return gaps.map((p) => missingCell(report, p));
  });
}
