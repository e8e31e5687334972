import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { cellAccuracy } from '../../helpers/cell-accuracy.ts';
import { corpusBytes, corpusExpected, corpusFiles, incompleteSources } from '../../helpers/corpus.ts';

/**
 * Cells each PDF must read, out of the designed report's: the PDF readers hold their current floor, so a regression
 * shows. Every other form (DOCX, HTML, each copied text) reads every cell but one: in Chromium's copy of paragraph
 * cells, an empty last figure of a table is lost in the blank lines that end the table, so 表四 of the hybrid (empty
 * first and last figures) cannot be placed and is left empty with H7.
 */
const FLOOR: Record<string, number> = {
  'template-hybrid.chromium-copy.txt': 173,
  'template-2019-narrow.chromium-print.pdf': 103,
  'template-2019-narrow.libreoffice.pdf': 70,
  'template-2019.chromium-print.pdf': 192,
  'template-2019.libreoffice.pdf': 171,
  'template-2021-narrow.chromium-print.pdf': 97,
  'template-2021-narrow.libreoffice.pdf': 47,
  'template-2021.chromium-print.pdf': 182,
  'template-2021.libreoffice.pdf': 175,
  'template-hybrid.libreoffice.pdf': 170,
  'template-varied.chromium-print.pdf': 182,
  'template-varied.libreoffice.pdf': 176,
};

/**
 * Figures a reader still invents, listed so that each one is seen and none is added: the line-order PDF reader
 * gives the wrapped （六）2 row's figures to （六）3 when its label takes four lines, and moves a section-2 figure
 * into the empty cell beside it.
 */
const INVENTED: Record<string, readonly string[]> = {
  'template-hybrid.libreoffice.pdf': [
    'proactiveDisclosure.regulations.inForce',
    'proactiveDisclosure.normativeDocuments.issued',
  ],
  'template-2021-narrow.libreoffice.pdf': [
    'applications.otherMisc.naturalPerson',
    'applications.otherMisc.commercialEnterprise',
    'applications.otherMisc.researchInstitution',
    'applications.otherMisc.publicInterestOrg',
    'applications.otherMisc.legalServiceOrg',
    'applications.otherMisc.otherOrg',
    'applications.otherMisc.total',
  ],
};

it('holds every template source in every form', () => {
  expect(incompleteSources(corpusFiles())).toEqual([]);
});

describe.each(corpusFiles())('the generated corpus: $file', ({ file, source }) => {
  it('never invents a figure, and reads every cell its form supports', async () => {
    const parsed = await parseReport({ bytes: corpusBytes(file), fileName: file });
    const accuracy = cellAccuracy(corpusExpected(source), parsed.report);
    expect(accuracy.wrong).toEqual(INVENTED[file] ?? []);
    const floor = FLOOR[file];
    if (floor === undefined) expect(accuracy.missing).toEqual([]);
    else expect(accuracy.read).toBeGreaterThanOrEqual(floor);
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
