/** An agency's page: every year it filed, with the current version and its on-time status. */

import { chinaDay } from '#shared/deadlines/calendar.ts';
import type { AgencyFilingStatus } from '#shared/deadlines/filing-status.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { chineseDay } from '#shared/render/format-date.ts';
import { deadlineText, statusBadge } from './filing-status-view.ts';
import { renderPage } from './page-shell.ts';
import { regionUrl, reportUrl, yearUrl } from './site-paths.ts';

export interface AgencyYearRow {
  readonly year: number;
  readonly title: string;
  readonly current: ReportVersion;
  /** Null when the agency is no longer in the registry (no deadline to judge against). */
  readonly status: AgencyFilingStatus | null;
}

export interface AgencyPageInput {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly region: string | null;
  /** Province, city and county, each linking to its region page. */
  readonly regionPath?: readonly { readonly code: string; readonly name: string }[];
  /** Newest year first. */
  readonly years: readonly AgencyYearRow[];
}

function row(agencyId: string, r: AgencyYearRow): string {
  const status = r.status === null ? '—' : statusBadge(r.status);
  const deadline = r.status === null ? '—' : deadlineText(r.status);
  return `<tr><th scope="row"><a href="${escapeHtml(yearUrl(r.year))}">${r.year}年</a></th><td><a href="${escapeHtml(reportUrl(agencyId, r.year))}">${escapeHtml(r.title)}</a></td><td>第${r.current.version}版</td><td>${escapeHtml(chineseDay(chinaDay(r.current.acceptedAt)))}</td><td>${deadline}</td><td>${status}</td></tr>`;
}

export function renderAgencyPage(input: AgencyPageInput): string {
  const trail = (input.regionPath ?? []).map(
    (r) => `<a href="${escapeHtml(regionUrl(r.code))}">${escapeHtml(r.name)}</a>`,
  );
  const region =
    trail.length > 0
      ? `<p>地区：${trail.join(' › ')}</p>`
      : input.region === null
        ? ''
        : `<p>地区：${escapeHtml(input.region)}</p>`;
  const table =
    input.years.length === 0
      ? '<p>尚无报告。</p>'
      : `<div class="table-scroll"><table class="list-table"><caption>${escapeHtml(input.agencyName)}历年报告</caption><thead><tr><th scope="col">年度</th><th scope="col">报告</th><th scope="col">当前版本</th><th scope="col">最近提交</th><th scope="col">截止日期</th><th scope="col">提交情况</th></tr></thead><tbody>${input.years.map((r) => row(input.agencyId, r)).join('')}</tbody></table></div>`;
  return renderPage({
    title: input.agencyName,
    crumbs: [{ label: '首页', url: '/' }, { label: input.agencyName }],
    body: `<h1>${escapeHtml(input.agencyName)}</h1>${region}${table}`,
  });
}
