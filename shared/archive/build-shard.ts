/**
 * A shard task: one county-level region of one year, rebuilt from its index entries and the registry's
 * agencies of the region — its pages, its dataset parts, its search file and sitemap, and its summary under
 * its city. A shard holds hundreds of agencies at most, so this costs the same in any year.
 */
import { chinaDay, daysBetween, deadlineFor } from '#shared/deadlines/calendar.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { chineseDay } from '#shared/render/format-date.ts';
import type { Report } from '#shared/report/model.ts';
import { StoredReportSchema } from '#shared/report/stored-report.ts';
import { byAgencyName } from '#shared/site/chinese-order.ts';
import { sumTotals } from '#shared/site/report-totals.ts';
import { buildSearchShard } from '#shared/site/search-index.ts';
import { agencyUrl, regionYearUrl, reportUrl, shardSitemapUrl } from '#shared/site/site-paths.ts';
import { siteWriter } from '#shared/site/site-writer.ts';
import { renderUrlSet } from '#shared/site/sitemaps.ts';
import { readStoredJson } from '#shared/site/stored-json.ts';
import {
  type ArchiveEntry,
  listEntries,
  type RegionSummary,
  regionYearsPk,
  type StatusCounts,
  summaryPk,
  YEARS_PK,
} from './archive-index.ts';
import type { ShardPorts } from './archive-ports.ts';
import { windowFor } from './archive-tasks.ts';
import { jsonLine, LONG_CSV_HEAD, longCsvRecords, renderWideCsv, wideRow } from './dataset-formats.ts';
import { parquetBytes } from './parquet-stream.ts';
import { type AgencyRow, type AgencyStatus, PAGE_SIZE, renderShardPage } from './region-pages.ts';
import { type RegionPath, regionPathOf, shardOf } from './regions.ts';
import { searchShardOfRegionUrl } from './search-files.ts';
import { PART_FORMATS, partUrl } from './shard-parts.ts';

/**
 * The registry's agencies of one shard: a county's subtree (its townships included), or a city's or province's
 * own bodies, by one region query; a shard placed by a name (entries from before codes) by reading the registry.
 */
export async function listShardAgencies(ports: Pick<ShardPorts, 'agencies'>, shard: string): Promise<Agency[]> {
  if (/^\d{6}s$/.test(shard)) return ports.agencies.listAt(shard.slice(0, 6));
  const mine: Agency[] = [];
  const code = /^\d{6}$/.test(shard);
  let cursor: string | undefined;
  do {
    const request = { limit: 100, cursor };
    const page = code ? await ports.agencies.listWithin(shard, request) : await ports.agencies.list(request);
    for (const agency of page.items) if (shardOf(agency) === shard) mine.push(agency);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return mine;
}

function statusOf(entry: ArchiveEntry | undefined, deadline: string | null, asOf: string): AgencyStatus {
  if (entry === undefined) return deadline !== null && daysBetween(deadline, asOf) > 0 ? 'missing' : 'due';
  if (entry.hasErrors) return 'review';
  return deadline !== null && daysBetween(deadline, entry.filedOn) > 0 ? 'late' : 'onTime';
}

export function countStatuses(rows: readonly { status: AgencyStatus }[]): StatusCounts {
  const counts = { onTime: 0, late: 0, missing: 0, due: 0, review: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

export interface ShardBuild {
  readonly written: readonly string[];
  readonly summary: RegionSummary | null;
}

export async function buildShard(
  ports: ShardPorts,
  year: number,
  shard: string,
  options: { readonly sendTasks?: boolean; readonly registry?: readonly Agency[] } = {},
): Promise<ShardBuild> {
  const out = siteWriter(ports.site);
  const entries = (await listEntries(ports.index, year, shard)).sort(byAgencyName);
  const agencies = options.registry?.filter((a) => shardOf(a) === shard) ?? (await listShardAgencies(ports, shard));
  const path: RegionPath | undefined = entries[0]?.path ?? (agencies[0] ? regionPathOf(agencies[0]) : undefined);
  if (path === undefined) return { written: [], summary: null };
  const asOf = chinaDay(ports.clock.now());
  const byId = new Map(entries.map((e) => [e.agencyId, e]));
  const registered = new Set(agencies.map((a) => a.id));
  const rows: AgencyRow[] = [
    ...agencies.map((a) => {
      const deadline = deadlineFor(a, year, ports.deadlines).date;
      const entry = byId.get(a.id);
      return rowOf(a.id, a.name, entry, deadline, statusOf(entry, deadline, asOf));
    }),
    ...entries
      .filter((e) => !registered.has(e.agencyId))
      .map((e) => rowOf(e.agencyId, e.agencyName, e, null, statusOf(e, null, asOf))),
  ].sort(byAgencyName);

  const [, city, county] = path;
  const summary: RegionSummary = {
    year,
    region: county,
    parent: city,
    reports: entries.length,
    registered: agencies.length,
    status: countStatuses(rows),
    totals: sumTotals(entries.map((e) => e.totals)),
    path: [...path],
  };
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  for (let page = 1; page <= pages; page += 1) {
    const slice = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    await out.text(
      regionYearUrl(shard, year, page),
      renderShardPage({ year, summary, ancestors: [path[0], path[1]], rows: slice, page, pages }),
    );
  }
  await writeParts(ports, year, path, entries);
  await out.text(searchShardOfRegionUrl(year, shard), JSON.stringify(buildSearchShard(year, entries, county.name)));
  const urls = [
    ...Array.from({ length: pages }, (_, i) => ({ path: regionYearUrl(shard, year, i + 1) })),
    ...entries.flatMap((e) => [
      { path: reportUrl(e.agencyId, year), lastmod: e.acceptedAt },
      { path: agencyUrl(e.agencyId) },
    ]),
  ];
  await out.text(shardSitemapUrl(year, shard), renderUrlSet(urls, ports.siteUrl));

  await ports.index.put({ pk: summaryPk(year, city.code), sk: county.code, value: summary });
  // The parts changed: the next compaction must rewrite the year's files even if it ran since the filing.
  await ports.index.increment(YEARS_PK, String(year), 'changes', 1);
  await ports.index.put({ pk: regionYearsPk(county.code), sk: String(year), value: { year, region: county } });
  if (options.sendTasks !== false) {
    await ports.queue.send([
      { kind: 'region', year, code: city.code, window: windowFor(ports, 'region') },
      { kind: 'regionYears', code: county.code, window: windowFor(ports, 'regionYears') },
    ]);
  }
  return { written: out.written, summary };
}

function rowOf(
  agencyId: string,
  agencyName: string,
  entry: ArchiveEntry | undefined,
  deadline: string | null,
  status: AgencyStatus,
): AgencyRow {
  return {
    agencyId,
    agencyName,
    status,
    deadline: deadline === null ? null : chineseDay(deadline),
    filedOn: entry === undefined ? null : chineseDay(entry.filedOn),
    report:
      entry === undefined ? null : { title: entry.title, version: entry.version, received: entry.totals.received },
  };
}

/** The shard's four dataset parts; reads each report of the shard once. */
async function writeParts(ports: ShardPorts, year: number, path: RegionPath, entries: readonly ArchiveEntry[]) {
  const encoder = new TextEncoder();
  let long = LONG_CSV_HEAD;
  const lines: string[] = [];
  const rows = [];
  for (const entry of entries) {
    const report: Report | null = await readStoredJson(ports.data, entry.canonicalKey, StoredReportSchema);
    if (report === null) throw new Error(`canonical report ${entry.canonicalKey} is missing`);
    long += longCsvRecords(entry, report);
    const row = wideRow(entry, report);
    rows.push(row);
    lines.push(`${jsonLine(entry, report)}\n`);
  }
  const put = (format: keyof typeof PART_FORMATS, bytes: Uint8Array) =>
    ports.site.put(partUrl(format, year, path).slice(1), bytes, PART_FORMATS[format].contentType);
  await put('csv', encoder.encode(long));
  await put('wide', encoder.encode(renderWideCsv(rows)));
  await put('jsonl', encoder.encode(lines.join('')));
  await put('parquet', await parquetBytes(rows));
}
