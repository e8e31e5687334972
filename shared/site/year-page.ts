/**
 * A year's page: totals across every agency's current report (with a chart), each agency's report, and
 * the filing status of every registered agency, as of the day the page was built.
 */
import type { AgencyFilingStatus } from '#shared/deadlines/filing-status.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { chineseDay } from '#shared/render/format-date.ts';
import { formatNumber } from '#shared/render/format-number.ts';
import { renderBarChart } from './bar-chart.ts';
import { deadlineText, statusBadge } from './filing-status-view.ts';
import { renderPage } from './page-shell.ts';
import { type ReportTotals, sumTotals, TOTAL_LABELS } from './report-totals.ts';
import type { YearEntry } from './site-index.ts';
import { agencyUrl, datasetCsvUrl, datasetJsonUrl, reportUrl, SCHEMA_URL } from './site-paths.ts';

export interface RegisteredStatus {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly status: AgencyFilingStatus;
}

export interface YearPageInput {
  readonly year: number;
  readonly entries: readonly YearEntry[];
  readonly registered: readonly RegisteredStatus[];
  /** The day statuses were judged. */
  readonly asOf: string;
}

function totalsSection(year: number, totals: ReportTotals, count: number): string {
  const keys = Object.keys(TOTAL_LABELS) as (keyof ReportTotals)[];
  const bars = keys.map((k) => ({ label: TOTAL_LABELS[k], value: totals[k] }));
  const rows = keys.map(
    (k) => `<tr><th scope="row">${TOTAL_LABELS[k]}</th><td>${escapeHtml(formatNumber(totals[k]))}</td></tr>`,
  );
  return `<section aria-labelledby="totals"><h2 id="totals">全部机关合计（${count}份报告）</h2>${renderBarChart(`${year}年合计`, bars)}<table class="list-table totals-table"><caption>${year}年各项合计</caption><thead><tr><th scope="col">项目</th><th scope="col">合计</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function reportsSection(entries: readonly YearEntry[], year: number): string {
  if (entries.length === 0)
    return '<section aria-labelledby="reports"><h2 id="reports">报告</h2><p>尚无报告。</p></section>';
  const rows = entries.map(
    (e) =>
      `<tr><th scope="row"><a href="${escapeHtml(agencyUrl(e.agencyId))}">${escapeHtml(e.agencyName)}</a></th><td><a href="${escapeHtml(reportUrl(e.agencyId, year))}">${escapeHtml(e.title)}</a></td><td>第${e.version}版</td><td>${escapeHtml(formatNumber(e.totals.received))}</td><td>${escapeHtml(formatNumber(e.totals.granted))}</td></tr>`,
  );
  return `<section aria-labelledby="reports"><h2 id="reports">报告</h2><div class="table-scroll"><table class="list-table"><caption>${year}年各机关报告</caption><thead><tr><th scope="col">机关</th><th scope="col">报告</th><th scope="col">版本</th><th scope="col">新收申请</th><th scope="col">予以公开</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

function statusSection(input: YearPageInput): string {
  const counts = { onTime: 0, late: 0, due: 0, missing: 0 };
  for (const r of input.registered) counts[r.status.status] += 1;
  const rows = input.registered.map(
    (r) =>
      `<tr data-agency="${escapeHtml(r.agencyId)}"><th scope="row"><a href="${escapeHtml(agencyUrl(r.agencyId))}">${escapeHtml(r.agencyName)}</a></th><td>${deadlineText(r.status)}</td><td>${r.status.filedOn === null ? '—' : escapeHtml(chineseDay(r.status.filedOn))}</td><td>${statusBadge(r.status)}</td></tr>`,
  );
  const summary = `<p>截至${escapeHtml(chineseDay(input.asOf))}：按时提交${counts.onTime}个，逾期提交${counts.late}个，未提交${counts.missing}个，未到期${counts.due}个。</p>`;
  const table = `<div class="table-scroll"><table class="list-table"><caption>${input.year}年度报告提交情况</caption><thead><tr><th scope="col">机关</th><th scope="col">截止日期</th><th scope="col">提交日期</th><th scope="col">状态</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  return `<section aria-labelledby="status"><h2 id="status">提交情况</h2>${summary}${input.registered.length === 0 ? '' : table}</section>`;
}

function datasets(year: number): string {
  return `<section aria-labelledby="data"><h2 id="data">数据下载</h2><ul class="downloads"><li><a href="${datasetCsvUrl(year)}" download>${year}年全部报告（CSV）</a></li><li><a href="${datasetJsonUrl(year)}" download>${year}年全部报告（JSON）</a></li><li><a href="${SCHEMA_URL}">数据结构说明（JSON Schema）</a></li></ul></section>`;
}

export function renderYearPage(input: YearPageInput): string {
  const totals = sumTotals(input.entries.map((e) => e.totals));
  const body = [
    `<h1>${input.year}年度政府信息公开工作年度报告</h1>`,
    totalsSection(input.year, totals, input.entries.length),
    reportsSection(input.entries, input.year),
    statusSection(input),
    datasets(input.year),
  ].join('\n');
  return renderPage({
    title: `${input.year}年度`,
    crumbs: [{ label: '首页', url: '/' }, { label: `${input.year}年` }],
    body,
  });
}
