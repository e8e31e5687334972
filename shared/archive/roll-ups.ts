/**
 * The roll-up tasks: a city or province from its children's summaries, the nation's year page from the
 * provinces, a region's page of years, and the home page with the feed and the sitemap index. Each reads a
 * few summaries (one per child region), never the reports of the year.
 */
import { renderAtomFeed } from '#shared/site/atom-feed.ts';
import { byAgencyName, byRegionName as byRegion } from '#shared/site/chinese-order.ts';
import { readReportJsonSchema } from '#shared/site/datasets.ts';
import { renderHomePage } from '#shared/site/home-page.ts';
import { type DirectoryProvince, renderAgencyDirectoryPage, renderYearsIndexPage } from '#shared/site/index-pages.ts';
import { renderNotFoundPage } from '#shared/site/not-found-page.ts';
import { sumTotals } from '#shared/site/report-totals.ts';
import { readSiteAsset, SITE_ASSET_URLS } from '#shared/site/site-assets.ts';
import {
  AGENCIES_INDEX_URL,
  FEED_URL,
  homeUrl,
  NOT_FOUND_URL,
  regionUrl,
  regionYearUrl,
  SCHEMA_URL,
  SITEMAP_URL,
  shardSitemapUrl,
  YEARS_INDEX_URL,
  yearUrl,
} from '#shared/site/site-paths.ts';
import { siteWriter } from '#shared/site/site-writer.ts';
import { renderSitemapIndexes, renderUrlSet, type SitemapUrl } from '#shared/site/sitemaps.ts';
import {
  type ArchiveEntry,
  listEntries,
  listRecent,
  listShardPaths,
  listSummaries,
  listYears,
  queryAll,
  type RegionSummary,
  regionYearsPk,
  summaryPk,
  yearFilesExist,
} from './archive-index.ts';
import type { AggregatePorts } from './archive-ports.ts';
import { windowFor } from './archive-tasks.ts';
import { renderNationPage, renderRegionPage, renderRegionYearsPage } from './region-pages.ts';
import { NATION, type Region, type RegionPath } from './regions.ts';

export const RECENT_SHOWN = 50;
const HOME_SITEMAP_URL = '/sitemaps/home.xml';
const regionsSitemapUrl = (year: number): string => `/sitemaps/${year}/regions.xml`;

const byRegionName = (a: RegionSummary, b: RegionSummary) => byRegion(a.region, b.region);

function rollUp(year: number, region: Region, parent: Region, children: readonly RegionSummary[]): RegionSummary {
  const status = { onTime: 0, late: 0, missing: 0, due: 0, review: 0 };
  for (const c of children) for (const k of Object.keys(status) as (keyof typeof status)[]) status[k] += c.status[k];
  const own = children[0]?.path.slice(0, children[0].path.findIndex((r) => r.code === region.code) + 1) ?? [];
  return {
    year,
    region,
    parent,
    reports: children.reduce((n, c) => n + c.reports, 0),
    registered: children.reduce((n, c) => n + c.registered, 0),
    status,
    totals: sumTotals(children.map((c) => c.totals)),
    path: own,
  };
}

function send(ports: AggregatePorts, tasks: Parameters<AggregatePorts['queue']['send']>[0], enabled: boolean) {
  return enabled ? ports.queue.send(tasks) : Promise.resolve();
}

/** A city or a province of a year. */
export async function buildRegion(ports: AggregatePorts, year: number, code: string, sendTasks = true) {
  const out = siteWriter(ports.site);
  const children = (await listSummaries(ports.index, year, code)).sort(byRegionName);
  const first = children[0];
  if (first === undefined) return { written: out.written };
  const region = first.parent;
  const index = first.path.findIndex((r) => r.code === region.code);
  const ancestors = first.path.slice(0, Math.max(0, index)) as Region[];
  const parent = ancestors.at(-1) ?? NATION;
  const summary = rollUp(year, region, parent, children);
  await out.text(regionYearUrl(code, year), renderRegionPage(year, summary, ancestors, children));
  await ports.index.put({ pk: summaryPk(year, parent.code), sk: code, value: summary });
  await ports.index.put({ pk: regionYearsPk(code), sk: String(year), value: { year, region } });
  await send(
    ports,
    [
      parent.level === 'nation'
        ? { kind: 'nation', year, window: windowFor(ports, 'nation') }
        : { kind: 'region', year, code: parent.code, window: windowFor(ports, 'region') },
      { kind: 'regionYears', code, window: windowFor(ports, 'regionYears') },
    ],
    sendTasks,
  );
  return { written: out.written };
}

/** `/years/{year}/`: the nation's totals and every province's coverage. */
export async function buildNation(ports: AggregatePorts, year: number, sendTasks = true) {
  const out = siteWriter(ports.site);
  const provinces = (await listSummaries(ports.index, year, NATION.code)).sort(byRegionName);
  const nation = rollUp(year, NATION, NATION, provinces);
  await out.text(yearUrl(year), renderNationPage(year, nation, provinces, await yearFilesExist(ports.index, year)));
  await ports.index.put({ pk: summaryPk(year, 'top'), sk: NATION.code, value: nation });
  const urls: SitemapUrl[] = [{ path: yearUrl(year) }];
  for (const province of provinces) {
    urls.push({ path: regionYearUrl(province.region.code, year) }, { path: regionUrl(province.region.code) });
    for (const city of await listSummaries(ports.index, year, province.region.code)) {
      urls.push({ path: regionYearUrl(city.region.code, year) }, { path: regionUrl(city.region.code) });
    }
  }
  await out.text(regionsSitemapUrl(year), renderUrlSet(urls, ports.siteUrl));
  await send(ports, [{ kind: 'home', window: windowFor(ports, 'home') }], sendTasks);
  return { written: out.written };
}

/** `/regions/{code}/`: the years a region has pages for. */
export async function buildRegionYears(ports: AggregatePorts, code: string) {
  const out = siteWriter(ports.site);
  const years: number[] = [];
  let region: Region | undefined;
  for await (const item of queryAll(ports.index, regionYearsPk(code))) {
    const value = item.value as { year: number; region?: Region };
    years.push(value.year);
    region = value.region ?? region;
  }
  if (region === undefined) return { written: out.written };
  years.sort((a, b) => b - a);
  const agencies = region.level === 'county' ? await agenciesWithPages(ports, code, years) : [];
  await out.text(regionUrl(code), renderRegionYearsPage(region, years, agencies));
  return { written: out.written };
}

/**
 * The agencies of a county-level shard that have a page: those with an entry in some year, under their latest
 * name. One query per year of the one shard (hundreds of agencies at most), so it costs the same in any archive.
 */
async function agenciesWithPages(ports: AggregatePorts, shard: string, newestFirst: readonly number[]) {
  const byId = new Map<string, ArchiveEntry>();
  for (const year of newestFirst) {
    for (const entry of await listEntries(ports.index, year, shard))
      if (!byId.has(entry.agencyId)) byId.set(entry.agencyId, entry);
  }
  return [...byId.values()].map((e) => ({ agencyId: e.agencyId, agencyName: e.agencyName })).sort(byAgencyName);
}

/** The agency directory's tree: every shard of any year under its province and city, each level sorted. */
function directoryOf(paths: Iterable<RegionPath>): DirectoryProvince[] {
  const provinces = new Map<
    string,
    { region: Region; cities: Map<string, { region: Region; counties: Map<string, Region> }> }
  >();
  for (const [province, city, county] of paths) {
    const p = provinces.get(province.code) ?? { region: province, cities: new Map() };
    provinces.set(province.code, p);
    const c = p.cities.get(city.code) ?? { region: city, counties: new Map() };
    p.cities.set(city.code, c);
    c.counties.set(county.code, county);
  }
  return [...provinces.values()]
    .map((p) => ({
      code: p.region.code,
      name: p.region.name,
      cities: [...p.cities.values()]
        .map((c) => ({ code: c.region.code, name: c.region.name, counties: [...c.counties.values()].sort(byRegion) }))
        .sort(byRegion),
    }))
    .sort(byRegion);
}

/** The home page, the feed, the sitemap index and the shared assets. */
export async function buildHome(ports: AggregatePorts) {
  const out = siteWriter(ports.site);
  const years = await listYears(ports.index);
  const recent = await listRecent(ports.index, RECENT_SHOWN);
  const latest = years[0];
  const provinces =
    latest === undefined ? [] : (await listSummaries(ports.index, latest, NATION.code)).sort(byRegionName);
  const built = new Map<number, RegionSummary>();
  for (const year of years) {
    const nation = await ports.index.get(summaryPk(year, 'top'), NATION.code);
    if (nation !== null) built.set(year, nation as RegionSummary);
  }
  const regions = provinces.map((p) => ({ code: p.region.code, name: p.region.name }));
  await out.text(homeUrl(), renderHomePage({ years: years.filter((y) => built.has(y)), recent, regions }));
  await out.text(FEED_URL, renderAtomFeed(recent, ports.siteUrl));
  const sitemaps = [HOME_SITEMAP_URL];
  const shardPaths = new Map<string, RegionPath>();
  for (const year of years) {
    if (built.has(year)) sitemaps.push(regionsSitemapUrl(year));
    for (const shard of await listShardPaths(ports.index, year)) {
      sitemaps.push(shardSitemapUrl(year, shard.code));
      if (!shardPaths.has(shard.code)) shardPaths.set(shard.code, shard.path);
    }
  }
  const yearEntries = [...built.values()].map((n) => ({ year: n.year, reports: n.reports, registered: n.registered }));
  await out.text(YEARS_INDEX_URL, renderYearsIndexPage(yearEntries));
  const directory = directoryOf(shardPaths.values());
  await out.text(AGENCIES_INDEX_URL, renderAgencyDirectoryPage(directory));
  await out.text(NOT_FOUND_URL, renderNotFoundPage(directory.map((p) => ({ code: p.code, name: p.name }))));
  const indexes = renderSitemapIndexes(sitemaps, ports.siteUrl);
  const indexUrls = indexes.map((_, i) => (i === 0 ? SITEMAP_URL : `/sitemaps/index-${i + 1}.xml`));
  for (const [i, body] of indexes.entries()) await out.text(indexUrls[i] as string, body);
  await out.text(
    HOME_SITEMAP_URL,
    renderUrlSet([{ path: homeUrl() }, { path: YEARS_INDEX_URL }, { path: AGENCIES_INDEX_URL }], ports.siteUrl),
  );
  await out.text(
    '/robots.txt',
    `User-agent: *\nAllow: /\n${indexUrls.map((u) => `Sitemap: ${ports.siteUrl}${u}\n`).join('')}`,
  );
  for (const url of SITE_ASSET_URLS) await out.text(url, await readSiteAsset(url));
  await out.text(SCHEMA_URL, await readReportJsonSchema());
  return { written: out.written };
}
