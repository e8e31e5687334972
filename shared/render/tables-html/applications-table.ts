/**
 * 表三 with the template's merged cells (国办公开办函〔2021〕30号, checked against the blank DOCX): a 3×3
 * corner holding the 勾稽关系 note, three header rows (申请人情况 › 自然人 | 法人或其他组织 › five | 总计), and
 * row labels over three grid columns — 三、本年度办理结果 spans 22 rows (20 in the 23-row shape), （三） 8,
 * （四） 3, （五） 5, （六） 3. The spans are computed from the label groups, so both shapes come out right.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  APPLICATIONS_IDENTITY_NOTE,
  type ColumnLabel,
  type RowLabel,
} from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { cellAt } from '#shared/report/paths.ts';
import { tableCaption } from './caption.ts';
import type { CellMark, TableRenderOptions } from './cell-marks.ts';
import { colgroups, headerCell, noteCell, tableRow } from './header-cell.ts';
import { valueCell } from './value-cell.ts';

const LABEL_COLUMNS = 3;

function headerRows(): string {
  const columns: readonly ColumnLabel[] = APPLICANT_COLUMNS;
  // 自然人 and 总计 span header rows 2–3; 法人或其他组织 sits over its five columns in row 2.
  const second = columns.flatMap((c, i) => {
    if (!c.group) return [headerCell(c.label, 'col', { rowspan: 2 })];
    if (columns[i - 1]?.group === c.group) return [];
    return [headerCell(c.group, 'colgroup', { colspan: columns.filter((x) => x.group === c.group).length })];
  });
  return [
    tableRow([
      noteCell(APPLICATIONS_IDENTITY_NOTE, 'report-table__note', { colspan: LABEL_COLUMNS, rowspan: 3 }),
      headerCell(APPLICANT_HEADER, 'colgroup', { colspan: columns.length }),
    ]),
    tableRow(second),
    tableRow(columns.filter((c) => c.group).map((c) => headerCell(c.label, 'col'))),
  ].join('');
}

/** True when rows a and b share the group labels up to and including `depth`. */
function sameGroups(a: RowLabel | undefined, b: RowLabel, depth: number): boolean {
  return a !== undefined && a.groups.length > depth && b.groups.slice(0, depth + 1).every((g, i) => a.groups[i] === g);
}

/**
 * Each label cell names the grid column it starts in (`label--d0`…`d2`) and whether it is a group: on a
 * phone the stylesheet keeps the three label columns in place while the figures scroll beside them.
 */
function labelCells(rows: readonly RowLabel[], index: number): string[] {
  const row = rows[index] as RowLabel;
  const groups = row.groups.flatMap((group, depth) => {
    if (sameGroups(rows[index - 1], row, depth)) return [];
    let span = 1;
    while (rows[index + span] && sameGroups(rows[index + span], row, depth)) span++;
    return [headerCell(group, 'row', { rowspan: span }, `label label--group label--d${depth}`)];
  });
  const depth = row.groups.length;
  const leaf = headerCell(row.label, 'row', { colspan: LABEL_COLUMNS - depth }, `label label--d${depth}`);
  return [...groups, leaf];
}

export function renderApplicationsTable(
  report: Report,
  marks: ReadonlyMap<string, CellMark>,
  options: TableRenderOptions,
): string {
  const rows: readonly RowLabel[] = report.shapes.applications === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  const body = rows.map((row, i) =>
    tableRow([
      ...labelCells(rows, i),
      ...APPLICANT_COLUMNS.map(({ key }) => {
        const path = `applications.${row.key}.${key}`;
        return valueCell({
          path,
          value: cellAt(report, path),
          note: report.cellNotes[path],
          mark: marks.get(path),
          idPrefix: options.idPrefix,
        });
      }),
    ]),
  );
  return (
    '<table class="report-table report-table--applications" data-table="applications">' +
    `${tableCaption('applications')}${colgroups([LABEL_COLUMNS, 1, 5, 1])}` +
    `<thead>${headerRows()}</thead><tbody>${body.join('')}</tbody></table>`
  );
}
