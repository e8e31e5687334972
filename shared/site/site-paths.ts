/**
 * The public site's stable URLs and the bucket keys behind them. A directory URL is served from its
 * `index.html` (CloudFront's directory-index function on AWS, the static mount locally).
 */
export const STYLESHEET_URL = '/assets/site.css';
export const SEARCH_SCRIPT_URL = '/assets/search.js';
/** The national search index's manifest: its bucket count and documents per file. */
export const SEARCH_MANIFEST_URL = '/search/index.json';

export const homeUrl = (): string => '/';
/** Every year with its national page. */
export const YEARS_INDEX_URL = '/years/';
/** The agency directory: every county-level region whose agencies have pages, by province and city. */
export const AGENCIES_INDEX_URL = '/agencies/';
/** The page served, with status 404, for any public URL the site does not have. */
export const NOT_FOUND_URL = '/404.html';
export const agencyUrl = (agencyId: string): string => `/agencies/${encodeURIComponent(agencyId)}/`;
export const yearUrl = (year: number): string => `/years/${year}/`;
export const reportUrl = (agencyId: string, year: number): string =>
  `/reports/${encodeURIComponent(agencyId)}/${year}/`;
export const versionUrl = (agencyId: string, year: number, version: number): string =>
  `${reportUrl(agencyId, year)}v${version}/`;
export const regionUrl = (code: string): string => `/regions/${encodeURIComponent(code)}/`;
/** A region's page for a year; later pages of a long list follow at `…/{year}/{n}/`. */
export const regionYearUrl = (code: string, year: number, page = 1): string =>
  `${regionUrl(code)}${year}/${page > 1 ? `${page}/` : ''}`;
export const datasetParquetUrl = (year: number): string => `/data/${year}.parquet`;
export const DATA_PACKAGE_URL = '/data/datapackage.json';
export const DATA_CATALOG_URL = '/data/catalog.json';
export const CHECKSUMS_URL = '/data/SHA256SUMS';
export const LICENSE_URL = '/data/LICENSE.txt';
export const shardSitemapUrl = (year: number, code: string): string =>
  `/sitemaps/${year}/${encodeURIComponent(code)}.xml`;
export const datasetCsvUrl = (year: number): string => `/data/${year}.csv`;
/** The year's wide CSV: one row per report, Chinese headers, for Excel. */
export const datasetWideCsvUrl = (year: number): string => `/data/${year}-wide.csv`;
/** Beside `report.csv` (one row per cell): the same report as one row, Chinese headers, for Excel. */
export const REPORT_WIDE_CSV = 'report-wide.csv';
export const datasetJsonUrl = (year: number): string => `/data/${year}.json`;
export const SCHEMA_URL = '/data/schema.json';
export const FEED_URL = '/feed.xml';
export const FEED_STYLESHEET_URL = '/assets/feed.xsl';
export const SITEMAP_URL = '/sitemap.xml';

/** The bucket key of a URL: no leading slash, directories become their index.html. */
export function siteKey(url: string): string {
  const path = decodeURIComponent(url.replace(/^\//, ''));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * Originals are kept as S3 metadata too, so that the bucket itself answers any path to them (however the
 * URL is spelled) with a download; infra/security-headers.ts sends the same for their path pattern.
 */
export const ORIGINAL_CONTENT_DISPOSITION = 'attachment';

export const originalUrl = (agencyId: string, year: number, extension: string): string =>
  `${reportUrl(agencyId, year)}original.${extension}`;
