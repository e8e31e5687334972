/**
 * Report-engine throughput: how many reports per second are normalized and validated from pasted text
 * and from HTML pages, and how normalizing the seed text compares with JSON.parse of its canonical JSON
 * (the cheapest conceivable way to obtain the same model). Figures are printed, never asserted.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { checkReport } from '#shared/check-report.ts';
import { parseReport } from '#shared/parse/parse-report.ts';
import { renderReportJson } from '#shared/render/json.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = join(ROOT, 'test/fixtures/samples/2022-shaoguan-qujiang-trade-union.txt');
const HTML_FIXTURES = join(ROOT, 'test/fixtures/html');

export interface ReportEngineFigures {
  readonly textReportsPerSec: number;
  readonly htmlReportsPerSec: number;
  readonly ratioVsJsonParse: number;
  readonly seedNormalizeMicros: number;
  readonly seedJsonParseMicros: number;
  readonly textInputs: number;
  readonly htmlInputs: number;
}

interface BenchInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

/** Runs `run` n times; a synchronous batch never awaits, so JSON.parse is not billed for microtasks. */
type Batch = (n: number) => unknown;

function asyncBatch(run: () => Promise<unknown>): Batch {
  return async (n) => {
    for (let i = 0; i < n; i++) await run();
  };
}

function syncBatch(run: () => unknown): Batch {
  return (n) => {
    let last: unknown;
    for (let i = 0; i < n; i++) last = run();
    return last;
  };
}

/** Rates of back-to-back batches after a warm-up; the median shrugs off a GC pause or a neighbour's burst. */
async function medianRate(batch: Batch, budgetMs: number): Promise<number> {
  const warmUntil = performance.now() + budgetMs / 4;
  let size = 1;
  while (performance.now() < warmUntil) {
    const start = performance.now();
    await batch(size);
    // Batches of at least ~25 ms keep timer resolution and loop overhead out of the figure.
    if (performance.now() - start < 25) size *= 2;
  }
  const rates: number[] = [];
  const measureUntil = performance.now() + budgetMs;
  while (performance.now() < measureUntil || rates.length < 5) {
    const start = performance.now();
    await batch(size);
    rates.push(size / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

/** The seed as portals serve it: UTF-8, GBK from older sites, and CRLF with full-width digits from Word. */
function textInputs(seed: Uint8Array): BenchInput[] {
  const text = new TextDecoder().decode(seed);
  const wordish = text.replace(/\n/g, '\r\n').replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return [
    { bytes: seed, fileName: 'seed.txt' },
    // GBK has no no-break space; a GBK page pads with plain spaces.
    { bytes: iconv.encode(text.replaceAll('\u00a0', ' '), 'gbk'), fileName: 'seed-gbk.txt' },
    { bytes: new TextEncoder().encode(wordish), fileName: 'seed-word.txt' },
  ];
}

async function htmlInputs(): Promise<BenchInput[]> {
  const names = (await readdir(HTML_FIXTURES).catch(() => [] as string[])).filter((n) => n.endsWith('.html')).sort();
  return Promise.all(names.map(async (name) => ({ bytes: await readFile(join(HTML_FIXTURES, name)), fileName: name })));
}

/** Round-robin over the inputs, so the figure is the mix's rate, not the fastest file's. */
async function checkRate(inputs: readonly BenchInput[], budgetMs: number): Promise<number> {
  if (inputs.length === 0) return 0;
  let next = 0;
  return medianRate(
    asyncBatch(() => checkReport(inputs[next++ % inputs.length] as BenchInput)),
    budgetMs,
  );
}

export async function runReportEngineBench(log: (line: string) => void = console.log): Promise<ReportEngineFigures> {
  const seed = new Uint8Array(await readFile(SEED));
  const texts = textInputs(seed);
  const htmls = await htmlInputs();
  for (const input of [...texts, ...htmls]) await checkReport(input); // fail fast on an unreadable input

  const textReportsPerSec = await checkRate(texts, 4000);
  log(`text: ${textReportsPerSec.toFixed(0)} reports/s normalized + validated (${texts.length} variants of the seed)`);
  const htmlReportsPerSec = await checkRate(htmls, 4000);
  log(
    htmls.length === 0
      ? 'html: no fixtures under test/fixtures/html, figure is 0'
      : `html: ${htmlReportsPerSec.toFixed(0)} reports/s normalized + validated (${htmls.map((h) => h.fileName).join(', ')})`,
  );

  const seedInput = { bytes: seed, fileName: 'seed.txt' };
  const canonical = renderReportJson((await parseReport(seedInput)).report);
  const normalizeRate = await medianRate(
    asyncBatch(() => parseReport(seedInput)),
    3000,
  );
  const jsonRate = await medianRate(
    syncBatch(() => JSON.parse(canonical)),
    3000,
  );
  const ratioVsJsonParse = jsonRate / normalizeRate;
  log(
    `seed: normalize ${(1e6 / normalizeRate).toFixed(1)} µs vs JSON.parse of its canonical JSON ` +
      `(${canonical.length} chars) ${(1e6 / jsonRate).toFixed(1)} µs: ×${ratioVsJsonParse.toFixed(1)}`,
  );
  return {
    textReportsPerSec: round(textReportsPerSec),
    htmlReportsPerSec: round(htmlReportsPerSec),
    ratioVsJsonParse: round(ratioVsJsonParse, 2),
    seedNormalizeMicros: round(1e6 / normalizeRate, 2),
    seedJsonParseMicros: round(1e6 / jsonRate, 2),
    textInputs: texts.length,
    htmlInputs: htmls.length,
  };
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
