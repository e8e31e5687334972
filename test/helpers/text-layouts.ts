/**
 * Writes a canonical report back out as plain text in each of the five layouts real reports arrive in
 * (format-notes §5, items 1–5), so tests and benchmarks can check that reading gives the model back.
 * A cell prints its `cellNotes` text when it has one, else its number, else nothing.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  APPLICATIONS_IDENTITY_NOTE,
  ARTICLE_20_ITEMS,
  PART_LABELS,
  PROACTIVE_2019_COLUMNS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_2021_COLUMNS,
  PROACTIVE_2021_ROWS,
  type ProactiveRowLabel,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type RowLabel,
} from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { cellAt } from '#shared/report/paths.ts';

export const TEXT_LAYOUTS = ['tab-cells', 'cell-lines', 'pipe-cells', 'pipe-rows', 'space-rows'] as const;
export type TextLayout = (typeof TEXT_LAYOUTS)[number];

/** Layouts that cannot show an empty cell: a blank line ends a row, and spaces separate cells. */
export const LAYOUTS_WITHOUT_BLANK_CELLS: ReadonlySet<TextLayout> = new Set(['cell-lines', 'space-rows']);

type Grid = string[][];

function printed(report: Report, path: string): string {
  const note = report.cellNotes[path];
  if (note !== undefined) return note;
  const value = cellAt(report, path);
  return value === null || value === undefined ? '' : String(value);
}

function proactiveGrid(report: Report): Grid {
  const is2021 = report.shapes.proactiveDisclosure === '2021';
  const rows: readonly ProactiveRowLabel[] = is2021 ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
  const columns: Record<string, { label: string }> = is2021 ? PROACTIVE_2021_COLUMNS : PROACTIVE_2019_COLUMNS;
  const grid: Grid = [];
  let item = '';
  for (const row of rows) {
    if (row.item !== item) {
      item = row.item;
      grid.push([ARTICLE_20_ITEMS[row.item]], ['信息内容', ...row.columns.map((c) => columns[c]?.label ?? c)]);
    }
    grid.push([row.label, ...row.columns.map((c) => printed(report, `proactiveDisclosure.${row.key}.${c}`))]);
  }
  return grid;
}

/** Group labels print once, on the first row of their group, as merged cells do; below they are empty. */
function applicationsGrid(report: Report): Grid {
  const rows: readonly RowLabel[] = report.shapes.applications === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  const legalPerson = APPLICANT_COLUMNS.filter((c) => 'group' in c).map((c) => c.label);
  const grid: Grid = [
    [APPLICATIONS_IDENTITY_NOTE, APPLICANT_HEADER],
    ['', '自然人', '法人或其他组织', '总计'],
    ['', '', ...legalPerson, ''],
  ];
  let above: readonly string[] = [];
  for (const row of rows) {
    const groups = row.groups.map((g, i) => (above[i] === g ? '' : g));
    above = row.groups;
    const values = APPLICANT_COLUMNS.map((c) => printed(report, `applications.${row.key}.${c.key}`));
    grid.push([...groups, row.label, ...values]);
  }
  return grid;
}

function reviewsGrid(report: Report): Grid {
  const columns = REVIEW_COLUMNS.map((c) => c.label);
  const values = REVIEW_GROUPS.flatMap((g) =>
    REVIEW_COLUMNS.map((c) => printed(report, `reviewsAndLawsuits.${g.key}.${c.key}`)),
  );
  return [
    ['行政复议', '行政诉讼'],
    [...columns, '未经复议直接起诉', '复议后起诉'],
    ['', '', '', '', '', ...columns, ...columns],
    values,
  ];
}

function rowLines(cells: readonly string[], layout: TextLayout): string[] {
  switch (layout) {
    case 'tab-cells':
      return [...cells.map((c) => `\t${c}`), ''];
    case 'cell-lines':
      return [...cells.filter((c) => c !== ''), ''];
    case 'pipe-cells':
      return [...cells.map((c) => (c === '' ? '|' : `${c} |`)), ''];
    case 'pipe-rows':
      return [`| ${cells.join(' | ')} |`];
    case 'space-rows':
      return [cells.filter((c) => c !== '').join(' ')];
  }
}

function tableLines(grid: Grid, layout: TextLayout): string[] {
  return ['', ...grid.flatMap((row) => rowLines(row, layout)), ''];
}

function textLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function heading(part: number): string {
  const label = PART_LABELS[part];
  return label ? `${label.numeral}、${label.title}` : '';
}

/** The whole report as plain text in one layout. */
export function writeReportText(report: Report, layout: TextLayout): string {
  const lines = [
    report.title,
    ...textLines(report.text.preamble),
    heading(0),
    ...textLines(report.text.overview),
    heading(1),
    ...tableLines(proactiveGrid(report), layout),
    heading(2),
    ...tableLines(applicationsGrid(report), layout),
    heading(3),
    ...tableLines(reviewsGrid(report), layout),
    heading(4),
    ...textLines(report.text.problemsAndImprovements),
    '',
    heading(5),
    ...textLines(report.text.otherMatters),
    '',
    report.agency.name,
    ...(report.publishedOn ? ['', chineseDate(report.publishedOn)] : []),
    '',
  ];
  return lines.join('\n');
}
