/**
 * The pages a reader walks down the hierarchy: a year's national summary (`/years/{year}/`), a province's or
 * a city's year with its children, a county's year with every agency and its status, and a region's years.
 * Long lists are split into numbered pages; every list is sorted by region, then name in Chinese collation.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import { formatNumber } from '#shared/render/format-number.ts';
import { renderBarChart } from '#shared/site/bar-chart.ts';
import { type Crumb, renderPage } from '#shared/site/page-shell.ts';
import { type ReportTotals, TOTAL_LABELS } from '#shared/site/report-totals.ts';
import {
  agencyUrl,
  DATA_PACKAGE_URL,
  datasetCsvUrl,
  datasetJsonUrl,
  datasetParquetUrl,
  datasetWideCsvUrl,
  regionUrl,
  regionYearUrl,
  reportUrl,
  SCHEMA_URL,
  yearUrl,
} from '#shared/site/site-paths.ts';
import type { RegionSummary, StatusCounts } from './archive-index.ts';
import type { Region } from './regions.ts';

/** Rows per page of a list. */
export const PAGE_SIZE = 100;

export type AgencyStatus = 'onTime' | 'late' | 'missing' | 'due' | 'review';

export interface AgencyRow {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly status: AgencyStatus;
  readonly deadline: string | null;
  readonly filedOn: string | null;
  /** Present when the agency filed for the year. */
  readonly report: { readonly title: string; readonly version: number; readonly received: number } | null;
}

const STATUS_NAMES: Readonly<Record<AgencyStatus, string>> = {
  onTime: '按时提交',
  late: '逾期提交',
  missing: '未提交',
  due: '未到期',
  review: '待审核',
};
const BADGE: Readonly<Record<AgencyStatus, string>> = {
  onTime: 'onTime',
  late: 'late',
  missing: 'missing',
  due: 'due',
  review: 'late',
};

const badge = (s: AgencyStatus): string => `<span class="badge badge--${BADGE[s]}">${STATUS_NAMES[s]}</span>`;
const pct = (part: number, whole: number): string => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);
const num = (n: number): string => escapeHtml(formatNumber(n));

function onTimeRate(s: StatusCounts): string {
  return pct(s.onTime, s.onTime + s.late + s.missing + s.review);
}

function totalsSection(title: string, totals: ReportTotals, reports: number): string {
  const keys = Object.keys(TOTAL_LABELS) as (keyof ReportTotals)[];
  const bars = keys.map((k) => ({ label: TOTAL_LABELS[k], value: totals[k] }));
  const rows = keys.map((k) => `<tr><th scope="row">${TOTAL_LABELS[k]}</th><td>${num(totals[k])}</td></tr>`);
  // A chart of zeros has no bars: it would only repeat the table under it.
  const chart = bars.every((b) => b.value === 0)
    ? '<p class="notice">本年度各项均为零。</p>'
    : renderBarChart(title, bars);
  return `<section aria-labelledby="totals"><h2 id="totals">合计（${reports}份报告）</h2>${chart}<table class="list-table totals-table"><caption>${escapeHtml(title)}</caption><thead><tr><th scope="col">项目</th><th scope="col">合计</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function statusLine(s: RegionSummary): string {
  const { status } = s;
  return `<p>登记机关${s.registered}个，已提交${s.reports}份：按时提交${status.onTime}个，逾期提交${status.late}个，待审核${status.review}个，未提交${status.missing}个，未到期${status.due}个；按时提交率${onTimeRate(status)}。</p>`;
}

function pager(urlOf: (page: number) => string, page: number, pages: number): string {
  if (pages <= 1) return '';
  const items = Array.from({ length: pages }, (_, i) => i + 1).map((n) =>
    n === page ? `<li aria-current="page">${n}</li>` : `<li><a href="${escapeHtml(urlOf(n))}">${n}</a></li>`,
  );
  return `<nav class="pager" aria-label="分页"><ol class="inline-list">${items.join('')}</ol></nav>`;
}

function childTable(year: number, caption: string, children: readonly RegionSummary[]): string {
  if (children.length === 0) return '<p>尚无数据。</p>';
  const rows = children.map(
    (c) =>
      `<tr><th scope="row"><a href="${escapeHtml(regionYearUrl(c.region.code, year))}">${escapeHtml(c.region.name)}</a></th><td>${c.registered}</td><td>${c.reports}</td><td>${pct(c.reports, Math.max(c.registered, c.reports))}</td><td>${onTimeRate(c.status)}</td><td>${num(c.totals.received)}</td></tr>`,
  );
  return `<div class="table-scroll"><table class="list-table"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">地区</th><th scope="col">登记机关</th><th scope="col">已提交</th><th scope="col">覆盖率</th><th scope="col">按时提交率</th><th scope="col">新收申请</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * The year's files, on the year page only: they are concatenated by a scheduled compaction, so until its first
 * run the page says when they come instead of linking to files that do not exist yet.
 */
function downloads(year: number, filesExist: boolean): string {
  const files = filesExist
    ? `<li><a href="${datasetWideCsvUrl(year)}" download>${year}年全部报告（CSV，一行一份报告，中文表头，可用 Excel 打开）</a></li><li><a href="${datasetCsvUrl(year)}" download>${year}年全部报告（CSV，一行一个单元格）</a></li><li><a href="${datasetJsonUrl(year)}" download>${year}年全部报告（JSON）</a></li><li><a href="${datasetParquetUrl(year)}" download>${year}年全部报告（Parquet）</a></li><li><a href="${DATA_PACKAGE_URL}">数据包说明（datapackage.json）</a></li>`
    : `<li>${year}年全部报告的数据文件每15分钟汇总生成一次，生成后即可在此下载。</li>`;
  return `<section aria-labelledby="data"><h2 id="data">数据下载</h2><ul class="downloads">${files}<li><a href="${SCHEMA_URL}">数据结构说明（JSON Schema）</a></li></ul></section>`;
}

/** A region's page points at the year page's files rather than repeating them. */
function yearDataLink(year: number): string {
  return `<section aria-labelledby="data"><h2 id="data">数据下载</h2><p><a href="${yearUrl(year)}#data">${year}年全部报告的数据文件</a>（CSV、JSON、Parquet）</p></section>`;
}

function trail(year: number, ancestors: readonly Region[]): Crumb[] {
  return [
    { label: '首页', url: '/' },
    { label: `${year}年`, url: yearUrl(year) },
    ...ancestors.map((r) => ({ label: r.name, url: regionYearUrl(r.code, year) })),
  ];
}

export function renderNationPage(
  year: number,
  nation: RegionSummary,
  provinces: readonly RegionSummary[],
  filesExist = true,
): string {
  const body = [
    `<h1>${year}年度政府信息公开工作年度报告</h1>`,
    statusLine(nation),
    totalsSection(`${year}年全国合计`, nation.totals, nation.reports),
    `<section aria-labelledby="regions"><h2 id="regions">各省级地区</h2>${childTable(year, `${year}年各省级地区提交情况`, provinces)}</section>`,
    downloads(year, filesExist),
  ].join('\n');
  return renderPage({ title: `${year}年度`, crumbs: [{ label: '首页', url: '/' }, { label: `${year}年` }], body });
}

export function renderRegionPage(
  year: number,
  summary: RegionSummary,
  ancestors: readonly Region[],
  children: readonly RegionSummary[],
): string {
  const { region } = summary;
  const body = [
    `<h1>${escapeHtml(region.name)} ${year}年度报告</h1>`,
    `<p><a href="${escapeHtml(regionUrl(region.code))}">${escapeHtml(region.name)}历年情况</a></p>`,
    statusLine(summary),
    totalsSection(`${region.name}${year}年合计`, summary.totals, summary.reports),
    `<section aria-labelledby="regions"><h2 id="regions">下级地区</h2>${childTable(year, `${region.name}${year}年下级地区提交情况`, children)}</section>`,
    yearDataLink(year),
  ].join('\n');
  return renderPage({
    title: `${region.name} ${year}年度`,
    crumbs: [...trail(year, ancestors), { label: region.name }],
    body,
  });
}

export interface ShardPageInput {
  readonly year: number;
  readonly summary: RegionSummary;
  readonly ancestors: readonly Region[];
  /** This page's rows, already sorted. */
  readonly rows: readonly AgencyRow[];
  readonly page: number;
  readonly pages: number;
}

/** The columns of a county's agency list; on a phone each row is a card whose cells say their column. */
const AGENCY_COLUMNS = ['机关', '报告', '新收申请', '截止日期', '提交日期', '状态'] as const;
const cell = (column: number, html: string): string => `<td data-label="${AGENCY_COLUMNS[column]}">${html}</td>`;

function agencyRow(year: number, r: AgencyRow): string {
  const report =
    r.report === null
      ? `${cell(1, '—')}${cell(2, '—')}`
      : `${cell(1, `<a href="${escapeHtml(reportUrl(r.agencyId, year))}">${escapeHtml(r.report.title)}</a>（第${r.report.version}版）`)}${cell(2, num(r.report.received))}`;
  const name =
    r.report === null
      ? escapeHtml(r.agencyName)
      : `<a href="${escapeHtml(agencyUrl(r.agencyId))}">${escapeHtml(r.agencyName)}</a>`;
  return `<tr data-agency="${escapeHtml(r.agencyId)}"><th scope="row">${name}</th>${report}${cell(3, r.deadline ?? '—')}${cell(4, r.filedOn ?? '—')}${cell(5, badge(r.status))}</tr>`;
}

export function renderShardPage(input: ShardPageInput): string {
  const { year, summary, page, pages } = input;
  const { region } = summary;
  const urlOf = (n: number) => regionYearUrl(region.code, year, n);
  const table =
    input.rows.length === 0
      ? '<p>尚无机关。</p>'
      : `<div class="table-scroll"><table class="list-table list-table--cards"><caption>${escapeHtml(region.name)}${year}年度报告提交情况（第${page}页，共${pages}页）</caption><thead><tr>${AGENCY_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>${input.rows.map((r) => agencyRow(year, r)).join('')}</tbody></table></div>`;
  const body = [
    `<h1>${escapeHtml(region.name)} ${year}年度报告</h1>`,
    `<p><a href="${escapeHtml(regionUrl(region.code))}">${escapeHtml(region.name)}历年情况</a></p>`,
    statusLine(summary),
    page === 1 ? totalsSection(`${region.name}${year}年合计`, summary.totals, summary.reports) : '',
    `<section aria-labelledby="agencies"><h2 id="agencies">各机关</h2>${table}${pager(urlOf, page, pages)}</section>`,
    yearDataLink(year),
  ].join('\n');
  return renderPage({
    title: `${region.name} ${year}年度${page > 1 ? ` 第${page}页` : ''}`,
    crumbs: [...trail(year, input.ancestors), { label: region.name }],
    body,
  });
}

/** A region's years; a county-level region also lists its agencies that have pages (sorted). */
export function renderRegionYearsPage(
  region: Region,
  years: readonly number[],
  agencies: readonly { readonly agencyId: string; readonly agencyName: string }[] = [],
): string {
  const items = years.map((y) => `<li><a href="${escapeHtml(regionYearUrl(region.code, y))}">${y}年</a></li>`);
  const listed = agencies.map(
    (a) => `<li><a href="${escapeHtml(agencyUrl(a.agencyId))}">${escapeHtml(a.agencyName)}</a></li>`,
  );
  const agencySection =
    listed.length === 0
      ? ''
      : `<section aria-labelledby="agencies"><h2 id="agencies">各机关</h2><ul class="agency-list">${listed.join('')}</ul></section>`;
  const body = `<h1>${escapeHtml(region.name)}</h1><section aria-labelledby="years"><h2 id="years">年度</h2><ul class="inline-list">${items.join('')}</ul></section>${agencySection}`;
  return renderPage({ title: region.name, crumbs: [{ label: '首页', url: '/' }, { label: region.name }], body });
}
