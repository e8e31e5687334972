/**
 * The home page: search (a form the script enhances), the latest filings, the years, and the provinces —
 * readers without script are sent to the provinces and walk down from one to every agency instead.
 */

import type { RecentFiling } from '#shared/archive/archive-index.ts';
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { chineseDay } from '#shared/render/format-date.ts';
import { renderPage } from './page-shell.ts';
import { regionUrl, reportUrl, SEARCH_SCRIPT_URL, yearUrl } from './site-paths.ts';

export interface HomePageInput {
  /** Years with a built year page, newest first. */
  readonly years: readonly number[];
  readonly recent: readonly RecentFiling[];
  /** Provinces, sorted; readers without script browse down from them. */
  readonly regions: readonly { readonly code: string; readonly name: string }[];
}

const LATEST_SHOWN = 20;

function latest(input: HomePageInput): string {
  const items = input.recent.slice(0, LATEST_SHOWN).map((r) => {
    const kind = r.version > 1 ? `（第${r.version}版更正）` : '';
    return `<li><a href="${escapeHtml(reportUrl(r.agencyId, r.year))}">${escapeHtml(r.agencyName)} ${r.year}年报告</a>${kind} <time datetime="${escapeHtml(r.acceptedAt)}">${escapeHtml(chineseDay(chinaDay(r.acceptedAt)))}</time></li>`;
  });
  return items.length === 0 ? '<p>尚无报告。</p>' : `<ol class="latest">${items.join('')}</ol>`;
}

export function renderHomePage(catalog: HomePageInput): string {
  // Without script the form still answers: it goes to the region list, where every agency is one region away.
  const search = `<section aria-labelledby="search-heading" class="search"><h2 id="search-heading">搜索</h2><form role="search" action="/#regions" method="get" data-search><label for="q">机关名称或报告标题</label> <input id="q" name="q" type="search" autocomplete="off"> <button type="submit">搜索</button></form><noscript><p class="notice">搜索需要启用 JavaScript。也可以<a href="#regions">按地区查找</a>：从省份逐级进入，每个县级地区列出全部机关。</p></noscript><div id="search-results" aria-live="polite"></div></section>`;
  const years = catalog.years.map((y) => `<li><a href="${yearUrl(y)}">${y}年</a></li>`).join('');
  const regions = catalog.regions
    .map((r) => `<li><a href="${escapeHtml(regionUrl(r.code))}">${escapeHtml(r.name)}</a></li>`)
    .join('');
  const body = [
    '<h1>政府信息公开工作年度报告</h1>',
    search,
    `<section aria-labelledby="latest"><h2 id="latest">最新提交</h2>${latest(catalog)}</section>`,
    `<section aria-labelledby="years"><h2 id="years">年度</h2><ul class="inline-list">${years}</ul></section>`,
    `<section aria-labelledby="regions"><h2 id="regions">地区</h2><ul class="agency-list">${regions}</ul></section>`,
  ].join('\n');
  return renderPage({ title: '首页', body, head: `<script src="${SEARCH_SCRIPT_URL}" defer></script>\n` });
}
