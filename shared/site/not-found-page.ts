/**
 * The page every unknown public URL answers with (status 404): the site's own frame, in Chinese, with the
 * ways back in — home, the years, the agency directory and the provinces. The archive rebuilds it with the
 * home page (the provinces change); before the first build, the same page without provinces stands in.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import { renderPage } from './page-shell.ts';
import { AGENCIES_INDEX_URL, homeUrl, regionUrl, YEARS_INDEX_URL } from './site-paths.ts';

export function renderNotFoundPage(
  provinces: readonly { readonly code: string; readonly name: string }[] = [],
): string {
  const regions =
    provinces.length === 0
      ? ''
      : `<section aria-labelledby="regions"><h2 id="regions">按地区浏览</h2><ul class="agency-list">${provinces
          .map((r) => `<li><a href="${escapeHtml(regionUrl(r.code))}">${escapeHtml(r.name)}</a></li>`)
          .join('')}</ul></section>`;
  const body = [
    '<h1>页面不存在</h1>',
    '<p>您访问的网址没有对应的页面：可能输入有误，或该机关尚未提交这一年度的报告。</p>',
    `<ul><li><a href="${homeUrl()}">返回首页</a>（可搜索机关名称）</li><li><a href="${YEARS_INDEX_URL}">按年度浏览</a></li><li><a href="${AGENCIES_INDEX_URL}">机关名录</a></li></ul>`,
    regions,
  ].join('\n');
  return renderPage({ title: '页面不存在', crumbs: [{ label: '首页', url: '/' }, { label: '页面不存在' }], body });
}
