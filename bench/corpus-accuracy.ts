/**
 * Per-form accuracy over the generated corpus (`test/fixtures/corpus/`): of the cells each designed report holds,
 * how many every form of it reads back, how many it leaves empty and how many it gets wrong (invented), beside the
 * reading time. The bench checks its own work: the corpus must be complete (every template source in every form),
 * each file is read several times and every reading must hold the same figures as the first, and a document the
 * readers refuse counts as no cell read rather than stopping the run.
 */
import { parseReport } from '#shared/parse/parse-report.ts';
import type { Report } from '#shared/report/model.ts';
import { readCellValues } from '#shared/report/paths.ts';
import { cellAccuracy } from '../test/helpers/cell-accuracy.ts';
import { corpusBytes, corpusExpected, corpusFiles, incompleteSources } from '../test/helpers/corpus.ts';

interface FormTally {
  files: number;
  complete: number;
  refused: number;
  cells: number;
  read: number;
  wrong: number;
  ms: number[];
}

/** DOCX and PDF are read in a child process (hundreds of ms): fewer readings keep the part short. */
const readings = (file: string) => (/\.(?:docx|pdf)$/.test(file) ? 2 : 5);

async function readOnce(file: string): Promise<{ report: Report | null; ms: number }> {
  const started = performance.now();
  try {
    const parsed = await parseReport({ bytes: corpusBytes(file), fileName: file });
    return { report: parsed.report, ms: performance.now() - started };
  } catch {
    return { report: null, ms: performance.now() - started };
  }
}

const figuresOf = (report: Report | null) =>
  report === null ? 'refused' : JSON.stringify(readCellValues(report).values);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function runCorpusAccuracyBench(log: (line: string) => void = console.log) {
  const files = corpusFiles();
  const incomplete = incompleteSources(files);
  if (incomplete.length > 0) throw new Error(`the corpus lacks forms: ${incomplete.join('; ')}`);
  const forms = new Map<string, FormTally>();
  const invented: string[] = [];
  for (const { file, source, form } of files) {
    const first = await readOnce(file);
    const ms = [first.ms];
    for (let i = 1; i < readings(file); i++) {
      const again = await readOnce(file);
      if (figuresOf(again.report) !== figuresOf(first.report)) throw new Error(`${file}: reading ${i + 1} differs`);
      ms.push(again.ms);
    }
    const accuracy = cellAccuracy(corpusExpected(source), first.report);
    const tally = forms.get(form) ?? { files: 0, complete: 0, refused: 0, cells: 0, read: 0, wrong: 0, ms: [] };
    tally.files++;
    if (accuracy.read === accuracy.cells) tally.complete++;
    if (first.report === null) tally.refused++;
    tally.cells += accuracy.cells;
    tally.read += accuracy.read;
    tally.wrong += accuracy.wrong.length;
    tally.ms.push(median(ms));
    if (accuracy.wrong.length > 0) invented.push(`${file} (${accuracy.wrong.length})`);
    forms.set(form, tally);
  }
  // Flat names ("libreoffice.pdf.percentRead"), so each figure keeps its form in the bench's last line.
  const figures: Record<string, number> = {};
  const width = Math.max(...[...forms.keys()].map((form) => form.length));
  for (const [form, t] of [...forms].sort(([a], [b]) => a.localeCompare(b))) {
    const percentRead = Math.round((1000 * t.read) / t.cells) / 10;
    const msPerFile = Math.round((10 * t.ms.reduce((a, b) => a + b, 0)) / t.files) / 10;
    log(
      `${form.padEnd(width)} ${String(percentRead).padStart(5)}% of ${String(t.cells).padStart(4)} cells read, ` +
        `${t.wrong} wrong, ${t.complete}/${t.files} files complete, ${t.refused} refused, ${msPerFile} ms/file`,
    );
    Object.assign(figures, {
      [`${form}.percentRead`]: percentRead,
      [`${form}.wrong`]: t.wrong,
      [`${form}.files`]: t.files,
      [`${form}.filesComplete`]: t.complete,
      [`${form}.refused`]: t.refused,
      [`${form}.msPerFile`]: msPerFile,
    });
  }
  if (invented.length > 0) log(`invented figures in: ${invented.join(', ')}`);
  return figures;
}
