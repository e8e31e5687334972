/**
 * Per-form accuracy over the generated corpus (`test/fixtures/corpus/`): of the cells each designed report holds,
 * how many every form of it reads back, how many it leaves empty and how many it gets wrong (always 0), beside the
 * reading time.
 */
import { parseReport } from '#shared/parse/parse-report.ts';
import { cellAccuracy } from '../test/helpers/cell-accuracy.ts';
import { corpusBytes, corpusExpected, corpusFiles } from '../test/helpers/corpus.ts';

interface FormTally {
  files: number;
  cells: number;
  read: number;
  wrong: number;
  ms: number;
}

export async function runCorpusAccuracyBench(log: (line: string) => void = console.log) {
  const forms = new Map<string, FormTally>();
  for (const { file, source, form } of corpusFiles()) {
    const started = performance.now();
    const parsed = await parseReport({ bytes: corpusBytes(file), fileName: file });
    const ms = performance.now() - started;
    const accuracy = cellAccuracy(corpusExpected(source), parsed.report);
    const tally = forms.get(form) ?? { files: 0, cells: 0, read: 0, wrong: 0, ms: 0 };
    tally.files++;
    tally.cells += accuracy.cells;
    tally.read += accuracy.read;
    tally.wrong += accuracy.wrong.length;
    tally.ms += ms;
    forms.set(form, tally);
  }
  // Flat names ("libreoffice.pdf.percentRead"), so each figure keeps its form in the bench's last line.
  const figures: Record<string, number> = {};
  for (const [form, t] of [...forms].sort(([a], [b]) => a.localeCompare(b))) {
    const percentRead = Math.round((1000 * t.read) / t.cells) / 10;
    const msPerFile = Math.round((10 * t.ms) / t.files) / 10;
    log(
      `${form.padEnd(20)} ${String(percentRead).padStart(5)}% of ${t.cells} cells read, ${t.wrong} wrong, ${t.files} files, ${msPerFile} ms/file`,
    );
    Object.assign(figures, {
      [`${form}.percentRead`]: percentRead,
      [`${form}.wrong`]: t.wrong,
      [`${form}.files`]: t.files,
      [`${form}.msPerFile`]: msPerFile,
    });
  }
  return figures;
}
