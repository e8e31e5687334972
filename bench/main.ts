/**
 * `npm run bench`: the report engine, then the filing and DOCX/PDF benchmarks when they exist. Readable
 * figures first; the LAST line is one JSON object with every figure, for scripts that track them.
 */
import { existsSync } from 'node:fs';
import { runReportEngineBench } from './report-engine.ts';

type Figure = number | string | boolean | null;

interface OptionalBench {
  readonly title: string;
  readonly module: string;
  readonly run: string;
}

const OPTIONAL_BENCHES: readonly OptionalBench[] = [
  { title: 'filing throughput', module: './filing-throughput.ts', run: 'runFilingBench' },
  { title: 'DOCX/PDF throughput', module: './docx-pdf-throughput.ts', run: 'runDocxPdfBench' },
  { title: 'deadline run', module: './deadline-run.ts', run: 'runDeadlineBench' },
  { title: 'site build', module: './site-build.ts', run: 'runSiteBench' },
];

function isFigure(value: unknown): value is Figure {
  return value === null || ['number', 'string', 'boolean'].includes(typeof value);
}

/** Another bench's figures, flattened one level ("docx.reportsPerSec"), never overwriting ours. */
function mergeFigures(into: Record<string, Figure>, figures: unknown, prefix: string): void {
  if (typeof figures !== 'object' || figures === null) return;
  for (const [key, value] of Object.entries(figures)) {
    if (isFigure(value)) into[key in into ? `${prefix}.${key}` : key] = value;
    else if (typeof value === 'object' && value !== null) mergeFigures(into, value, `${prefix}.${key}`);
  }
}

async function runOptional(bench: OptionalBench, figures: Record<string, Figure>): Promise<void> {
  const url = new URL(bench.module, import.meta.url);
  if (!existsSync(url)) {
    console.log(`\n${bench.title}: skipped (${bench.module} is not present)`);
    return;
  }
  console.log(`\n${bench.title}`);
  try {
    const loaded: Record<string, unknown> = await import(url.href);
    const run = loaded[bench.run];
    if (typeof run !== 'function') throw new Error(`${bench.module} does not export ${bench.run}()`);
    mergeFigures(figures, await run(), bench.run.replace(/^run|Bench$/g, '').toLowerCase());
  } catch (error) {
    // One broken bench must not hide the others' figures (the last line is still printed).
    console.log(`${bench.title}: failed: ${error instanceof Error ? error.message : String(error)}`);
    figures[`${bench.run}Error`] = error instanceof Error ? error.message : String(error);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`report engine (node ${process.version})`);
  const figures: Record<string, Figure> = { ...(await runReportEngineBench()) };
  for (const bench of OPTIONAL_BENCHES) await runOptional(bench, figures);
  figures.benchSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(JSON.stringify(figures));
}

await main();
