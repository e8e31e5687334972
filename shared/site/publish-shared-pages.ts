/**
 * The pages many filings share: a year's page, sitemap, search shard and datasets (from the year's
 * index and dataset objects), and the home page, feed, sitemap index and assets (from the catalog).
 */

import { chinaDay } from '#shared/deadlines/calendar.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { renderAtomFeed } from './atom-feed.ts';
import {
  emptyDataset,
  renderDatasetCsv,
  renderDatasetJson,
  renderReportJsonSchema,
  type YearDataset,
  YearDatasetSchema,
} from './datasets.ts';
import { agencyYearStatus } from './filing-status-view.ts';
import { renderHomePage } from './home-page.ts';
import { buildSearchShard, searchShardList } from './search-index.ts';
import { SEARCH_SCRIPT } from './search-script.ts';
import {
  CATALOG_KEY,
  CatalogSchema,
  EMPTY_CATALOG,
  emptyYearIndex,
  YearIndexSchema,
  yearIndexKey,
} from './site-index.ts';
import {
  datasetCsvUrl,
  datasetJsonUrl,
  datasetKey,
  FEED_URL,
  homeUrl,
  SCHEMA_URL,
  SEARCH_SCRIPT_URL,
  SEARCH_SHARDS_URL,
  SITEMAP_URL,
  STYLESHEET_URL,
  searchShardUrl,
  yearSitemapUrl,
  yearUrl,
} from './site-paths.ts';
import type { SitePorts } from './site-ports.ts';
import { SITE_CSS } from './site-stylesheet.ts';
import type { SiteWriter } from './site-writer.ts';
import { renderHomeSitemap, renderSitemapIndex, renderYearSitemap } from './sitemaps.ts';
import { readStoredJson } from './stored-json.ts';
import { renderYearPage } from './year-page.ts';

/** Every registered agency, for the year pages' filing status (the registry, not the archive). */
export async function listRegistry(ports: Pick<SitePorts, 'agencies'>): Promise<Agency[]> {
  const all: Agency[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.agencies.list({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}

export async function publishYearPages(
  ports: SitePorts,
  out: SiteWriter,
  year: number,
  registry: readonly Agency[],
  known?: YearDataset,
): Promise<void> {
  const index = (await readStoredJson(ports.data, yearIndexKey(year), YearIndexSchema)) ?? emptyYearIndex(year);
  const asOf = chinaDay(ports.clock.now());
  const firsts = new Map(index.entries.map((e) => [e.agencyId, e.first]));
  const registered = [...registry]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((agency) => ({
      agencyId: agency.id,
      agencyName: agency.name,
      status: agencyYearStatus(agency, year, firsts.get(agency.id) ?? null, asOf, ports.deadlines),
    }));
  await out.text(yearUrl(year), renderYearPage({ year, entries: index.entries, registered, asOf }));
  await out.text(yearSitemapUrl(year), renderYearSitemap(year, index.entries, ports.siteUrl));
  await out.text(searchShardUrl(year), JSON.stringify(buildSearchShard(year, index.entries)));
  const dataset =
    known ?? (await readStoredJson(ports.data, datasetKey(year), YearDatasetSchema)) ?? emptyDataset(year);
  await out.text(datasetJsonUrl(year), renderDatasetJson(dataset));
  await out.text(datasetCsvUrl(year), renderDatasetCsv(dataset));
}

export async function publishHomePages(ports: SitePorts, out: SiteWriter): Promise<void> {
  const catalog = (await readStoredJson(ports.data, CATALOG_KEY, CatalogSchema)) ?? EMPTY_CATALOG;
  await out.text(homeUrl(), renderHomePage(catalog));
  await out.text(FEED_URL, renderAtomFeed(catalog.recent, ports.siteUrl));
  await out.text(SITEMAP_URL, renderSitemapIndex(catalog.years, ports.siteUrl));
  await out.text(
    '/sitemaps/home.xml',
    renderHomeSitemap(
      catalog.agencies.map((a) => a.id),
      ports.siteUrl,
    ),
  );
  await out.text(SEARCH_SHARDS_URL, JSON.stringify(searchShardList(catalog.years)));
  await out.text(STYLESHEET_URL, SITE_CSS);
  await out.text(SEARCH_SCRIPT_URL, SEARCH_SCRIPT);
  await out.text(SCHEMA_URL, renderReportJsonSchema());
}
