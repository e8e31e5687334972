/**
 * 表四 as the template prints it: 行政复议 (5 columns) | 行政诉讼 (10) over 未经复议直接起诉 (5) | 复议后起诉
 * (5); the five 行政复议 column headers span header rows 2–3. One data row of 15 cells.
 */
import { REVIEW_COLUMNS, REVIEW_GROUPS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { cellAt } from '#shared/report/paths.ts';
import { tableCaption } from './caption.ts';
import type { CellMark, TableRenderOptions } from './cell-marks.ts';
import { colgroups, headerCell, tableRow } from './header-cell.ts';
import { valueCell } from './value-cell.ts';

const WIDTH = REVIEW_COLUMNS.length;

function headerRows(): string {
  const topLevel = REVIEW_GROUPS.filter((g) => g.groups.length === 0);
  const nested = REVIEW_GROUPS.filter((g) => g.groups.length > 0);
  const parent = nested[0]?.groups[0] ?? '';
  const columns = (rowspan: number) => REVIEW_COLUMNS.map((c) => headerCell(c.label, 'col', { rowspan }));
  return [
    tableRow([
      ...topLevel.map((g) => headerCell(g.label, 'colgroup', { colspan: WIDTH })),
      headerCell(parent, 'colgroup', { colspan: WIDTH * nested.length }),
    ]),
    tableRow([
      ...topLevel.flatMap(() => columns(2)),
      ...nested.map((g) => headerCell(g.label, 'colgroup', { colspan: WIDTH })),
    ]),
    tableRow(nested.flatMap(() => columns(1))),
  ].join('');
}

export function renderReviewsTable(
  report: Report,
  marks: ReadonlyMap<string, CellMark>,
  options: TableRenderOptions,
): string {
  const cells = REVIEW_GROUPS.flatMap((group) =>
    REVIEW_COLUMNS.map(({ key }) => {
      const path = `reviewsAndLawsuits.${group.key}.${key}`;
      return valueCell({
        path,
        value: cellAt(report, path),
        note: report.cellNotes[path],
        mark: marks.get(path),
        idPrefix: options.idPrefix,
      });
    }),
  );
  return (
    '<table class="report-table report-table--reviews" data-table="reviewsAndLawsuits">' +
    `${tableCaption('reviewsAndLawsuits')}${colgroups(REVIEW_GROUPS.map(() => WIDTH))}` +
    `<thead>${headerRows()}</thead><tbody>${tableRow(cells)}</tbody></table>`
  );
}
