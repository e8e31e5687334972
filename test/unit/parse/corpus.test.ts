import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { cellAccuracy } from '../../helpers/cell-accuracy.ts';
import { corpusBytes, corpusExpected, corpusFiles, incompleteSources } from '../../helpers/corpus.ts';

it('holds every template source in every form', () => {
  expect(incompleteSources(corpusFiles())).toEqual([]);
});

/**
 * Every file of the generated corpus, whatever its form (new files are picked up from the folder), reads
 * every cell of the report its generator designed, and no reader ever invents a figure.
 */
describe.each(corpusFiles())('the generated corpus: $file', ({ file, source }) => {
  it('reads every cell and never invents a figure', async () => {
    const parsed = await parseReport({ bytes: corpusBytes(file), fileName: file });
    const accuracy = cellAccuracy(corpusExpected(source), parsed.report);
    expect(accuracy.wrong).toEqual([]);
    expect(accuracy.missing).toEqual([]);
  });
});

/** Every `stride`-th figure of a copied text, as [line, cell between tabs]. */
function figureSpots(lines: readonly string[], stride: number): [number, number][] {
  const spots: [number, number][] = [];
  lines.forEach((line, i) => {
    line.split('\t').forEach((cell, j) => {
      if (/^[+-]?\d+(?:\.\d+)?$/.test(cell.trim())) spots.push([i, j]);
    });
  });
  return spots.filter((_, k) => k % stride === 0);
}

describe.each(corpusFiles().filter((f) => f.file.endsWith('.txt')))(
  '$file with a figure left empty',
  ({ file, source }) => {
    it('never moves another figure into its place', async () => {
      const expected = corpusExpected(source);
      const lines = new TextDecoder().decode(corpusBytes(file)).split('\n');
      for (const [i, j] of figureSpots(lines, 9)) {
        const cells = (lines[i] as string).split('\t');
        cells[j] = (cells[j] as string).replace(/\S+/, '');
        const blanked = lines.with(i, cells.join('\t')).join('\n');
        const parsed = await parseReport({ bytes: new TextEncoder().encode(blanked), fileName: file });
        expect({ line: i + 1, wrong: cellAccuracy(expected, parsed.report).wrong }).toEqual({ line: i + 1, wrong: [] });
      }
    });
  },
);
