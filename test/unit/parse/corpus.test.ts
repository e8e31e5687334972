import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { cellAccuracy } from '../../helpers/cell-accuracy.ts';
import { corpusBytes, corpusExpected, corpusFiles } from '../../helpers/corpus.ts';

/**
 * Cells each form must read, out of the designed report's. Forms the readers fully support read every cell;
 * the rest hold their current floor, so a regression shows. No form may ever invent a figure.
 */
const FLOOR: Record<string, number> = {
  'template-2021.chromium-print.pdf': 182,
  'template-2021.libreoffice.pdf': 175,
  'template-varied.chromium-print.pdf': 182,
  'template-varied.libreoffice.pdf': 176,
};

describe.each(corpusFiles())('the generated corpus: $file', ({ file, source }) => {
  it('never invents a figure, and reads every cell its form supports', async () => {
    const parsed = await parseReport({ bytes: corpusBytes(file), fileName: file });
    const accuracy = cellAccuracy(corpusExpected(source), parsed.report);
    expect(accuracy.wrong).toEqual([]);
    const floor = FLOOR[file];
    if (floor === undefined) expect(accuracy.missing).toEqual([]);
    else expect(accuracy.read).toBeGreaterThanOrEqual(floor);
  });
});
