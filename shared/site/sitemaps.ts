/**
 * Sitemaps: one per shard and year (hundreds of agencies), one of region pages per year, and indexes over
 * them split at the protocol's limit of 50,000 entries.
 */
import { escapeHtml } from '#shared/render/escape-html.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function url(siteUrl: string, path: string, lastmod?: string): string {
  const mod = lastmod === undefined ? '' : `<lastmod>${escapeHtml(lastmod.slice(0, 10))}</lastmod>`;
  return `<url><loc>${escapeHtml(`${siteUrl}${path}`)}</loc>${mod}</url>`;
}

/** The protocol's limit of URLs per sitemap (and of sitemaps per index). */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapUrl {
  readonly path: string;
  readonly lastmod?: string;
}

export function renderUrlSet(urls: readonly SitemapUrl[], siteUrl: string): string {
  if (urls.length > SITEMAP_LIMIT) throw new Error(`a sitemap holds at most ${SITEMAP_LIMIT} URLs`);
  const items = urls.map((u) => url(siteUrl, u.path, u.lastmod));
  return `${XML_HEAD}<urlset xmlns="${NS}">${items.join('')}</urlset>\n`;
}

/** Sitemap indexes of at most SITEMAP_LIMIT sitemaps each; the first is `/sitemap.xml`. */
export function renderSitemapIndexes(sitemaps: readonly string[], siteUrl: string): string[] {
  const chunks: string[][] = [];
  for (let i = 0; i < sitemaps.length; i += SITEMAP_LIMIT)
    chunks.push(sitemaps.slice(i, i + SITEMAP_LIMIT) as string[]);
  return (chunks.length === 0 ? [[]] : chunks).map((chunk) => {
    const items = chunk.map((path) => `<sitemap><loc>${escapeHtml(`${siteUrl}${path}`)}</loc></sitemap>`);
    return `${XML_HEAD}<sitemapindex xmlns="${NS}">${items.join('')}</sitemapindex>\n`;
  });
}
