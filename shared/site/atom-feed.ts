/** The Atom feed of filings (newest first), one entry per accepted version, shown as a page in a browser. */

import type { RecentFiling } from '#shared/archive/archive-index.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { SITE_NAME } from './page-shell.ts';
import { FEED_STYLESHEET_URL, FEED_URL, reportUrl, versionUrl } from './site-paths.ts';

/** Entry ids must never change: they name the version, not the page. */
function entryId(siteUrl: string, r: RecentFiling): string {
  return `${siteUrl}${versionUrl(r.agencyId, r.year, r.version)}`;
}

export function renderAtomFeed(recent: readonly RecentFiling[], siteUrl: string): string {
  const updated = recent[0]?.acceptedAt ?? '1970-01-01T00:00:00.000Z';
  const entries = recent.map((r) => {
    const summary =
      r.amendmentReason === null
        ? `${r.agencyName}提交了${r.year}年度报告。`
        : `${r.agencyName}更正了${r.year}年度报告（第${r.version}版）：${r.amendmentReason}`;
    return `<entry><id>${escapeHtml(entryId(siteUrl, r))}</id><title>${escapeHtml(r.title)}</title><link rel="alternate" type="text/html" href="${escapeHtml(`${siteUrl}${reportUrl(r.agencyId, r.year)}`)}"/><updated>${escapeHtml(r.acceptedAt)}</updated><author><name>${escapeHtml(r.agencyName)}</name></author><summary>${escapeHtml(summary)}</summary></entry>`;
  });
  // The stylesheet instruction only tells a browser how to show the feed; Atom readers skip it.
  return `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="${FEED_STYLESHEET_URL}"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"><id>${escapeHtml(`${siteUrl}/`)}</id><title>${SITE_NAME}</title><link rel="self" href="${escapeHtml(`${siteUrl}${FEED_URL}`)}"/><link rel="alternate" type="text/html" href="${escapeHtml(`${siteUrl}/`)}"/><updated>${escapeHtml(updated)}</updated>${entries.join('')}</feed>
`;
}
