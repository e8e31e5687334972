/**
 * Filing throughput through the whole local stack: HTTP → authorizer → submitReport handler →
 * dynalite, s3rver → PutEvents → delivery → the site's pages. The 韶关市曲江区总工会 sample, renamed and
 * re-dated, is filed by 6 agencies for 2021–2024 (24 first filings), then amended once each (24
 * amendments, version 2); registration and tokens are set up untimed. A filing counts only once its
 * version's page is on the site (fetched through the local CDN stand-in after the events settle), so
 * a filing whose pages were never built is not throughput. Client and server share one process and its
 * cores, so the figures are a floor, not a forecast.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPOSITORY_ROOT, startLocal } from '../infra/local/runner.ts';
import { versionUrl } from '../shared/site/site-paths.ts';

export interface FilingBenchFigures {
  /** Filings per second whose version page was built, from the first request until every event settled. */
  readonly submissionsPerSec: number;
  readonly filingsAccepted: number;
  readonly pagesBuilt: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const SAMPLE = 'examples/2022-shaoguan-qujiang-trade-union.txt';
const SAMPLE_AGENCY = '韶关市曲江区总工会';
const SAMPLE_YEAR = '2022年';
const YEARS = [2021, 2022, 2023, 2024];
const CJK_DIGITS = '〇一二三四五六七八九';

interface BenchAgency {
  readonly id: string;
  readonly name: string;
  token: string;
}

interface Filing {
  readonly agency: BenchAgency;
  readonly year: number;
  /** The version this filing becomes, whose page must appear on the site. */
  readonly version: number;
  readonly report: string;
  readonly amendmentReason?: string;
}

/** `reports` is rounded down to a multiple of 8 (four years, filed then amended). */
export async function runFilingBench(reports = 48, concurrency = 8): Promise<FilingBenchFigures> {
  // Each page build logs a line; a thousand of them would bury the figures.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const home = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
  const local = await startLocal({ home, port: 0, quiet: true, runSchedules: false });
  try {
    const sample = await readFile(join(REPOSITORY_ROOT, SAMPLE), 'utf8');
    const agencies = Array.from({ length: Math.floor(reports / (YEARS.length * 2)) }, (_, i) => benchAgency(i));
    await inPool(agencies, concurrency, (agency) => register(local.url, local.adminToken, agency));
    const [firsts, amendments] = plannedFilings(agencies, sample);
    const total = firsts.length + amendments.length;

    const latencies: number[] = [];
    let accepted = 0;
    const fileTimed = async (filing: Filing): Promise<void> => {
      const sent = performance.now();
      const status = await file(local.url, filing);
      latencies.push(performance.now() - sent);
      if (status === 'accepted') accepted += 1;
    };
    const started = performance.now();
    // Amendments only after every first filing: one agency-year never has two filings in flight.
    await inPool(firsts, concurrency, fileTimed);
    await inPool(amendments, concurrency, fileTimed);
    await local.waitForIdle();
    const seconds = (performance.now() - started) / 1000;
    const built = await pagesBuilt(local.url, [...firsts, ...amendments], concurrency);
    if (accepted !== total) throw new Error(`only ${accepted} of ${total} filings were accepted`);
    if (built !== total) throw new Error(`only ${built} of ${total} filings had their pages built`);

    const figures = {
      submissionsPerSec: round(built / seconds),
      filingsAccepted: accepted,
      pagesBuilt: built,
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
    };
    console.log(
      `  ${total} filings (${firsts.length} first, ${amendments.length} amendments), ${built} version pages built, ` +
        `in ${seconds.toFixed(1)} s ` +
        `at concurrency ${concurrency}: ` +
        `${figures.submissionsPerSec} submissions/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
    );
    return figures;
  } finally {
    await local.stop();
    await rm(home, { recursive: true, force: true });
  }
}

/** `韶关市曲江区基准单位〇〇四二`: digits in CJK so they never run into the report's year. */
function benchAgency(index: number): BenchAgency {
  const digits = String(index).padStart(4, '0');
  const name = `韶关市曲江区基准单位${[...digits].map((d) => CJK_DIGITS[Number(d)]).join('')}`;
  return { id: `bench-${digits}`, name, token: '' };
}

/** Every agency files every year once, then amends each (appending a line changes the bytes, not the figures). */
function plannedFilings(agencies: readonly BenchAgency[], sample: string): [Filing[], Filing[]] {
  const firsts = YEARS.flatMap((year) =>
    agencies.map((agency) => ({
      agency,
      year,
      version: 1,
      report: sample.replaceAll(SAMPLE_AGENCY, agency.name).replaceAll(SAMPLE_YEAR, `${year}年`),
    })),
  );
  const amendments = firsts.map((filing) => ({
    ...filing,
    version: 2,
    report: `${filing.report}\n`,
    amendmentReason: '更正数据',
  }));
  return [firsts, amendments];
}

async function register(url: string, adminToken: string, agency: BenchAgency): Promise<void> {
  const admin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/v1/admin/agencies`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ id: agency.id, name: agency.name, kind: 'other', region: '韶关市曲江区' }),
  });
  if (created.status !== 201) throw new Error(`registering ${agency.id}: ${created.status} ${await created.text()}`);
  const issued = await fetch(`${url}/v1/admin/agencies/${agency.id}/tokens`, { method: 'POST', headers: admin });
  if (issued.status !== 201) throw new Error(`token for ${agency.id}: ${issued.status} ${await issued.text()}`);
  agency.token = ((await issued.json()) as { token: string }).token;
}

async function file(url: string, filing: Filing): Promise<string> {
  const query = filing.amendmentReason ? `?amendmentReason=${encodeURIComponent(filing.amendmentReason)}` : '';
  const response = await fetch(`${url}/v1/reports${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${filing.agency.token}`, 'content-type': 'text/plain; charset=utf-8' },
    body: filing.report,
  });
  const body = (await response.json()) as { status?: string };
  return body.status ?? `HTTP ${response.status}`;
}

/** How many filings' version pages the site serves (each page names its version: 第N版). */
async function pagesBuilt(url: string, filings: readonly Filing[], concurrency: number): Promise<number> {
  let built = 0;
  await inPool(filings, concurrency, async (filing) => {
    const response = await fetch(`${url}${versionUrl(filing.agency.id, filing.year, filing.version)}`);
    const page = await response.text();
    if (response.status === 200 && page.includes(`第${filing.version}版`)) built += 1;
  });
  return built;
}

/** Runs `work` over the items with at most `size` in flight. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
