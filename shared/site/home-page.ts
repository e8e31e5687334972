/**
 * The home page: search (a form the script enhances), the latest filings, the years, and every agency
 * that filed — the list is what readers without script use instead of search.
 */
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { chineseDay } from '#shared/render/format-date.ts';
import { renderPage } from './page-shell.ts';
import type { Catalog } from './site-index.ts';
import { agencyUrl, reportUrl, SEARCH_SCRIPT_URL, yearUrl } from './site-paths.ts';

const LATEST_SHOWN = 20;

function latest(catalog: Catalog): string {
  const items = catalog.recent.slice(0, LATEST_SHOWN).map((r) => {
    const kind = r.version > 1 ? `（第${r.version}版更正）` : '';
    return `<li><a href="${escapeHtml(reportUrl(r.agencyId, r.year))}">${escapeHtml(r.agencyName)} ${r.year}年报告</a>${kind} <time datetime="${escapeHtml(r.acceptedAt)}">${escapeHtml(chineseDay(chinaDay(r.acceptedAt)))}</time></li>`;
  });
  return items.length === 0 ? '<p>尚无报告。</p>' : `<ol class="latest">${items.join('')}</ol>`;
}

export function renderHomePage(catalog: Catalog): string {
  const search = `<section aria-labelledby="search-heading" class="search"><h2 id="search-heading">搜索</h2><form role="search" action="/" method="get" data-search><label for="q">机关名称或报告标题</label> <input id="q" name="q" type="search" autocomplete="off"> <button type="submit">搜索</button></form><div id="search-results" aria-live="polite"></div></section>`;
  const years = catalog.years.map((y) => `<li><a href="${yearUrl(y)}">${y}年</a></li>`).join('');
  const agencies = catalog.agencies
    .map((a) => `<li><a href="${escapeHtml(agencyUrl(a.id))}">${escapeHtml(a.name)}</a></li>`)
    .join('');
  const body = [
    '<h1>政府信息公开工作年度报告</h1>',
    search,
    `<section aria-labelledby="latest"><h2 id="latest">最新提交</h2>${latest(catalog)}</section>`,
    `<section aria-labelledby="years"><h2 id="years">年度</h2><ul class="inline-list">${years}</ul></section>`,
    `<section aria-labelledby="agencies"><h2 id="agencies">机关</h2><ul class="agency-list">${agencies}</ul></section>`,
  ].join('\n');
  return renderPage({ title: '首页', body, head: `<script src="${SEARCH_SCRIPT_URL}" defer></script>\n` });
}
