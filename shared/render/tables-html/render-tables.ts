/**
 * The three official tables of a report as one HTML fragment, for the public pages and the upload page.
 * With `findings`, failing cells carry `cell--error`/`cell--warning` and `aria-describedby` pointing at
 * the finding text, listed under the table it concerns unless the page lists findings itself.
 */
import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { escapeHtml } from '../escape-html.ts';
import { renderApplicationsTable } from './applications-table.ts';
import { type CellMark, cellMarks, findingElementId, type TableRenderOptions, tableOfFinding } from './cell-marks.ts';
import { renderProactiveTable } from './proactive-table.ts';
import { renderReviewsTable } from './reviews-table.ts';

export type { TableRenderOptions } from './cell-marks.ts';
export { cellElementId, findingElementId } from './cell-marks.ts';

type TableRenderer = (report: Report, marks: ReadonlyMap<string, CellMark>, options: TableRenderOptions) => string;

const RENDERERS: readonly [TableKey, TableRenderer][] = [
  ['proactiveDisclosure', renderProactiveTable],
  ['applications', renderApplicationsTable],
  ['reviewsAndLawsuits', renderReviewsTable],
];

const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' } as const;

function findingList(table: TableKey, options: TableRenderOptions): string {
  if (options.listFindings === false) return '';
  const items = (options.findings ?? []).flatMap((finding, index) =>
    tableOfFinding(finding) === table
      ? [
          `<li id="${escapeHtml(findingElementId(index, options.idPrefix))}" class="finding finding--${finding.severity}">` +
            `<span class="finding__severity">${SEVERITY_NAMES[finding.severity]}</span> ` +
            `<span class="finding__code">${escapeHtml(finding.code)}</span> ${escapeHtml(finding.message.zh)}</li>`,
        ]
      : [],
  );
  if (items.length === 0) return '';
  const label = `${TABLE_LABELS[table].short}的检查结果`;
  return `<ol class="table-findings" aria-label="${escapeHtml(label)}">${items.join('')}</ol>`;
}

export function renderReportTables(report: Report, options: TableRenderOptions = {}): string {
  const marks = cellMarks(options);
  return RENDERERS.map(([table, render]) => `${render(report, marks, options)}${findingList(table, options)}`).join(
    '\n',
  );
}
