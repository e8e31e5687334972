/**
 * The frame of every public page: language, one stylesheet, a skip link, header navigation, one <main>
 * landmark and a footer. Titles and breadcrumbs are escaped here; `body` is HTML the page builders made
 * from escaped parts.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import { AGENCIES_INDEX_URL, FEED_URL, homeUrl, STYLESHEET_URL, YEARS_INDEX_URL } from './site-paths.ts';

export const SITE_NAME = '政府信息公开工作年度报告公开平台';

export interface Crumb {
  readonly label: string;
  readonly url?: string;
}

export interface PageInput {
  readonly title: string;
  readonly crumbs?: readonly Crumb[];
  readonly body: string;
  /** Extra elements for <head> (already escaped), e.g. a script. */
  readonly head?: string;
}

function breadcrumbs(crumbs: readonly Crumb[]): string {
  if (crumbs.length === 0) return '';
  const items = crumbs.map((c) =>
    c.url === undefined
      ? `<li aria-current="page">${escapeHtml(c.label)}</li>`
      : `<li><a href="${escapeHtml(c.url)}">${escapeHtml(c.label)}</a></li>`,
  );
  return `<nav class="breadcrumbs" aria-label="当前位置"><ol>${items.join('')}</ol></nav>`;
}

export function renderPage(input: PageInput): string {
  const crumbs = input.crumbs ?? [];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} - ${SITE_NAME}</title>
<link rel="stylesheet" href="${STYLESHEET_URL}">
<link rel="alternate" type="application/atom+xml" title="最新报告" href="${FEED_URL}">
${input.head ?? ''}</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<p class="site-name"><a href="${homeUrl()}">${SITE_NAME}</a></p>
<nav aria-label="网站导航"><ul><li><a href="${homeUrl()}">首页</a></li><li><a href="${YEARS_INDEX_URL}">年度</a></li><li><a href="${AGENCIES_INDEX_URL}">机关名录</a></li><li><a href="${FEED_URL}">订阅</a></li></ul></nav>
</header>
${breadcrumbs(crumbs)}
<main id="main" tabindex="-1">
${input.body}
</main>
<footer class="site-footer"><p>本站内容均来自各机关提交的政府信息公开工作年度报告；数据可按年度下载。</p></footer>
</body>
</html>
`;
}
