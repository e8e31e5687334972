/**
 * `npm run bench`: every part below in turn; `npm run bench -- check filing` runs only the parts named.
 * Readable figures first; the LAST line is one JSON object with every figure, for scripts that track them.
 */

import { runArchiveBench } from './archive.ts';
import { runCorpusAccuracyBench } from './corpus-accuracy.ts';
import { runDeadlineBench } from './deadline-run.ts';
import { runFilingBench } from './filing-throughput.ts';
import { runLambdaBench } from './lambda-bundles.ts';
import { runReportEngineBench } from './report-engine.ts';

type Figure = number | string | boolean | null;

interface BenchPart {
  readonly title: string;
  /** Prefix for a figure whose name another part already used. */
  readonly prefix: string;
  readonly run: () => Promise<object>;
}

const PARTS: Readonly<Record<string, BenchPart>> = {
  check: {
    title: 'full check against JSON.parse + schema, per input kind',
    prefix: 'check',
    run: runReportEngineBench,
  },
  corpus: {
    title: 'per-form accuracy over the generated corpus',
    prefix: 'corpus',
    run: () => runCorpusAccuracyBench(),
  },
  filing: { title: 'filing throughput (pages built)', prefix: 'filing', run: () => runFilingBench() },
  deadline: { title: 'deadline run', prefix: 'deadline', run: () => runDeadlineBench() },
  archive: { title: 'archive per filing and full rebuild', prefix: 'archive', run: () => runArchiveBench() },
  lambda: {
    title: 'Lambda bundles: size and module init against a hello-world',
    prefix: 'lambda',
    run: () => runLambdaBench(),
  },
};

function isFigure(value: unknown): value is Figure {
  return value === null || ['number', 'string', 'boolean'].includes(typeof value);
}

/** A part's figures, flattened one level ("site.pagesPerFilingAt10"), never overwriting another's. */
function mergeFigures(into: Record<string, Figure>, figures: object, prefix: string): void {
  for (const [key, value] of Object.entries(figures)) {
    if (isFigure(value)) into[key in into ? `${prefix}.${key}` : key] = value;
    else if (typeof value === 'object' && value !== null) mergeFigures(into, value, `${prefix}.${key}`);
  }
}

async function main(): Promise<number> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in PARTS));
  if (unknown.length > 0) {
    console.error(`unknown bench part: ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`);
    return 2;
  }
  const names = asked.length > 0 ? asked : Object.keys(PARTS);
  const started = performance.now();
  const figures: Record<string, Figure> = { node: process.version };
  let failed = false;
  for (const name of names) {
    const part = PARTS[name] as BenchPart;
    console.log(`\n${part.title} (${name})`);
    try {
      mergeFigures(figures, await part.run(), part.prefix);
    } catch (error) {
      // One broken part must not hide the others' figures (the last line is still printed).
      const message = error instanceof Error ? error.message : String(error);
      console.log(`${name}: failed: ${message}`);
      figures[`${name}Error`] = message;
      failed = true;
    }
  }
  figures.benchSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(JSON.stringify(figures));
  return failed ? 1 : 0;
}

process.exitCode = await main();
