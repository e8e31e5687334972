/**
 * A sitemap index over one sitemap per year, so a filing rewrites its year's sitemap and the short index,
 * never a list of the whole archive.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';
import type { YearEntry } from './site-index.ts';
import { agencyUrl, reportUrl, yearSitemapUrl, yearUrl } from './site-paths.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function renderSitemapIndex(years: readonly number[], siteUrl: string): string {
  const home = `<sitemap><loc>${escapeHtml(`${siteUrl}/sitemaps/home.xml`)}</loc></sitemap>`;
  const items = years.map((y) => `<sitemap><loc>${escapeHtml(`${siteUrl}${yearSitemapUrl(y)}`)}</loc></sitemap>`);
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">${home}${items.join('')}</sitemapindex>\n`;
}

function url(siteUrl: string, path: string, lastmod?: string): string {
  const mod = lastmod === undefined ? '' : `<lastmod>${escapeHtml(lastmod.slice(0, 10))}</lastmod>`;
  return `<url><loc>${escapeHtml(`${siteUrl}${path}`)}</loc>${mod}</url>`;
}

/** The home page and every agency that filed. */
export function renderHomeSitemap(agencyIds: readonly string[], siteUrl: string): string {
  const items = [url(siteUrl, '/'), ...agencyIds.map((id) => url(siteUrl, agencyUrl(id)))];
  return `${XML_HEAD}<urlset xmlns="${NS}">${items.join('')}</urlset>\n`;
}

export function renderYearSitemap(year: number, entries: readonly YearEntry[], siteUrl: string): string {
  const items = [
    url(siteUrl, yearUrl(year)),
    ...entries.map((e) => url(siteUrl, reportUrl(e.agencyId, year), e.acceptedAt)),
  ];
  return `${XML_HEAD}<urlset xmlns="${NS}">${items.join('')}</urlset>\n`;
}
