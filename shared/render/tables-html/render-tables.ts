/**
 * The three official tables of a report as one HTML fragment, for the public pages and the upload page.
 * With `findings`, failing cells carry `cell--error`/`cell--warning` and `aria-describedby` pointing at
 * the finding text, listed under the table it concerns unless the page lists findings itself.
 */
import { findingKey } from '#shared/report/explanations.ts';
import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { escapeHtml } from '../escape-html.ts';
import { renderApplicationsTable } from './applications-table.ts';
import { type CellMark, cellMarks, findingElementId, type TableRenderOptions, tableOfFinding } from './cell-marks.ts';
import { renderFindingItem } from './finding-item.ts';
import { renderProactiveTable } from './proactive-table.ts';
import { renderReviewsTable } from './reviews-table.ts';

export type { TableRenderOptions } from './cell-marks.ts';
export { cellElementId, findingElementId } from './cell-marks.ts';

type TableRenderer = (report: Report, marks: ReadonlyMap<string, CellMark>, options: TableRenderOptions) => string;

/** Each table with whether it is wider than a phone screen (表三's seven columns, 表四's fifteen). */
const RENDERERS: readonly [TableKey, TableRenderer, boolean][] = [
  ['proactiveDisclosure', renderProactiveTable, false],
  ['applications', renderApplicationsTable, true],
  ['reviewsAndLawsuits', renderReviewsTable, true],
];

/**
 * A table in its own scrolling box, so only the table scrolls sideways, never the page. The box is a named,
 * focusable region (keyboard users scroll it with the arrow keys); a wide table says, on a narrow screen,
 * that more columns lie to the right.
 */
function scrollBox(table: TableKey, wide: boolean, html: string): string {
  const label = `${TABLE_LABELS[table].short}${wide ? '（可左右滚动）' : ''}`;
  const classes = `table-box table-box--${table}${wide ? ' table-box--wide' : ''}`;
  return `<div class="${classes}" role="region" tabindex="0" aria-label="${escapeHtml(label)}">${html}</div>`;
}

function findingList(table: TableKey, options: TableRenderOptions): string {
  if (options.listFindings === false) return '';
  const items = (options.findings ?? []).flatMap((finding, index) =>
    tableOfFinding(finding) === table
      ? [
          renderFindingItem(
            finding,
            findingElementId(index, options.idPrefix),
            options.explanations?.get(findingKey(finding)),
          ),
        ]
      : [],
  );
  if (items.length === 0) return '';
  const label = `${TABLE_LABELS[table].short}的检查结果`;
  return `<ol class="table-findings" aria-label="${escapeHtml(label)}">${items.join('')}</ol>`;
}

export function renderReportTables(report: Report, options: TableRenderOptions = {}): string {
  const marks = cellMarks(options);
  return RENDERERS.map(
    ([table, render, wide]) =>
      `${scrollBox(table, wide, render(report, marks, options))}${findingList(table, options)}`,
  ).join('\n');
}
