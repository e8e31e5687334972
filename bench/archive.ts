/**
 * The archive per filing and in a full rebuild, on memory adapters. For 1,000, 10,000 and 100,000 reports
 * already in one year (index entries seeded directly, ~300 agencies per county-level shard), a few new
 * filings are timed through their indexing and their pages (`publishFiling`), with the bytes each writes and
 * the process's peak memory.
 * Then every shard of the 100,000 is rebuilt (the aggregate workers' work), with the peak memory of one
 * shard worker. Goals: per-filing bytes and time flat from 1,000 to 100,000; a worker under 512 MB.
 */
import { performance } from 'node:perf_hooks';
import { entryPk, shardsPk } from '#shared/archive/archive-index.ts';
import { buildShard } from '#shared/archive/build-shard.ts';
import { regionPathOf } from '#shared/archive/regions.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { reportTotals } from '#shared/site/report-totals.ts';
import { buildReport } from '../test/helpers/report-builder.ts';
import { agencyOf, archive, publishFiling, type SiteWorld, siteWorld } from '../test/unit/site/site-world.ts';

const SIZES = [1_000, 10_000, 100_000];
const PER_SHARD = 300;
const MEASURED = 5;
const YEAR = 2022;

const regionOf = (shard: number) => `示范省第${Math.floor(shard / 10)}市第${shard % 10}区`;

async function seed(world: SiteWorld, n: number): Promise<Agency[]> {
  const report = buildReport('2021', YEAR);
  const shared = 'reports/seed/2022/v1.json';
  await world.data.put(shared, new TextEncoder().encode(JSON.stringify(report)), 'application/json');
  const totals = reportTotals(report);
  const agencies: Agency[] = [];
  for (let i = 0; i < n; i += 1) {
    const agency = agencyOf(`seed-${i}`, `示范机关${i}`, 'department', regionOf(Math.floor(i / PER_SHARD)));
    agencies.push(agency);
    const path = regionPathOf(agency);
    const entry = {
      year: YEAR,
      agencyId: agency.id,
      agencyName: agency.name,
      title: `${agency.name}${YEAR}年政府信息公开工作年度报告`,
      version: 1,
      path: [...path],
      firstAcceptedAt: '2023-01-06T02:15:30.000Z',
      filedOn: '2023-01-06',
      acceptedAt: '2023-01-06T02:15:30.000Z',
      publishedOn: null,
      canonicalKey: shared,
      totals,
      hasErrors: false,
      warningCount: 0,
    };
    await world.index.put({ pk: entryPk(YEAR, path[2].code), sk: agency.id, value: entry });
    if (i % PER_SHARD === 0)
      await world.index.put({ pk: shardsPk(YEAR), sk: path[2].code, value: { code: path[2].code, path } });
  }
  return agencies;
}

function countingSite(world: SiteWorld): { bytes: () => number } {
  let bytes = 0;
  const put = world.site.put.bind(world.site);
  world.site.put = async (key, body, type) => {
    bytes += body.length;
    await put(key, body, type);
  };
  return { bytes: () => bytes };
}

async function perFiling(n: number) {
  const world = siteWorld();
  await seed(world, n);
  const counter = countingSite(world);
  let peak = process.memoryUsage().rss;
  let ms = 0;
  for (let i = 0; i < MEASURED; i += 1) {
    const agency = agencyOf(`new-${i}`, `新机关${i}`, 'department', regionOf(i));
    await world.agencies.create(agency);
    await archive(world, agency.id, { report: buildReport('2021', YEAR) });
    const started = performance.now();
    await publishFiling(world, { agencyId: agency.id, year: YEAR });
    ms += performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { ms: ms / MEASURED, bytes: counter.bytes() / MEASURED, peakMb: peak / 2 ** 20 };
}

async function rebuild(n: number) {
  const world = siteWorld();
  const registry = await seed(world, n);
  const shards = [...new Set(registry.map((a) => regionPathOf(a)[2].code))];
  const started = performance.now();
  let workerPeak = 0;
  for (const shard of shards) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    await buildShard(world, YEAR, shard, { sendTasks: false, registry });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    workerPeak = Math.max(workerPeak, peak - before);
  }
  return { seconds: (performance.now() - started) / 1000, shards: shards.length, workerPeakMb: workerPeak / 2 ** 20 };
}

export async function runArchiveBench(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const round = (x: number) => Math.round(x * 10) / 10;
  for (const n of SIZES) {
    const r = await perFiling(n);
    console.log(
      `${n} reports in the year: ${r.ms.toFixed(1)} ms, ${Math.round(r.bytes)} bytes per filing, peak ${r.peakMb.toFixed(0)} MB`,
    );
    figures[`msPerFilingAt${n}`] = round(r.ms);
    figures[`bytesPerFilingAt${n}`] = Math.round(r.bytes);
    figures[`peakMbAt${n}`] = Math.round(r.peakMb);
  }
  figures.bytesRatio100kTo1k =
    round(((figures.bytesPerFilingAt100000 ?? 0) / (figures.bytesPerFilingAt1000 ?? 1)) * 100) / 100;
  figures.timeRatio100kTo1k =
    round(((figures.msPerFilingAt100000 ?? 0) / (figures.msPerFilingAt1000 ?? 1)) * 100) / 100;
  const full = await rebuild(SIZES.at(-1) as number);
  console.log(
    `rebuild of ${SIZES.at(-1)}: ${full.shards} shards in ${full.seconds.toFixed(1)} s, worker peak ${full.workerPeakMb.toFixed(0)} MB`,
  );
  figures.rebuildSeconds = round(full.seconds);
  figures.rebuildShards = full.shards;
  figures.rebuildWorkerPeakMb = Math.round(full.workerPeakMb);
  return figures;
}
