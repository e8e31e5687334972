import { describe, expect, it } from 'vitest';
import { assembleReport } from '#shared/parse/assemble/assemble-report.ts';
import { layoutBlocks } from '#shared/parse/pdf/layout-blocks.ts';
import { loadPdfPieces } from '#shared/parse/pdf/load-pdf.ts';
import { tablePagesOf } from '#shared/parse/pdf/page-flow.ts';
import type { Rule } from '#shared/parse/pdf/table-rules.ts';
import { groupLines } from '#shared/parse/pdf/text-lines.ts';
import { cellAccuracy } from '../../../helpers/cell-accuracy.ts';
import { corpusBytes, corpusExpected } from '../../../helpers/corpus.ts';

/** Leaves out the stretch of every vertical rule at `x` that runs beside the band `top`–`bottom`. */
function withoutBorder(rules: readonly Rule[], x: number, top: number, bottom: number): Rule[] {
  return rules.flatMap((r) => {
    if (r.axis !== 'v' || Math.abs(r.at - x) > 1 || r.to <= top || r.from >= bottom) return [r];
    return [
      ...(r.from < top - 1 ? [{ ...r, to: top - 1 }] : []),
      ...(r.to > bottom + 1 ? [{ ...r, from: bottom + 1 }] : []),
    ];
  });
}

describe('figures the reader cannot place', () => {
  it('leaves a row whose two figures share a cell empty, with an H7 finding, never shifted', async () => {
    const file = 'template-2021.libreoffice.pdf';
    const { pieces, rules } = await loadPdfPieces(corpusBytes(file), (text) => tablePagesOf(groupLines(text)));
    const expected = corpusExpected('template-2021');
    const want = Object.values(expected.applications.deniedLawProhibited ?? {}).map(String);
    const figures = pieces
      .filter((p) => /^\d+$/.test(p.text))
      .filter((p, _, all) => {
        const line = all
          .filter((q) => q.page === p.page && Math.abs(q.bottom - p.bottom) < 1)
          .sort((a, b) => a.x - b.x);
        return line.map((q) => q.text).join(' ') === want.join(' ');
      })
      .sort((a, b) => a.x - b.x);
    const [first, second] = figures;
    if (!first || !second) throw new Error('the corpus row is not where this test expects it');
    const border = rules.find((r) => r.axis === 'v' && r.at > first.right && r.at < second.x);
    if (!border) throw new Error('no border between the first two figures');
    const broken = withoutBorder(rules, border.at, first.top - 2, first.bottom + 2);

    const { report, findings } = assembleReport({ layout: 'pdf/text-positions', blocks: layoutBlocks(pieces, broken) });
    const accuracy = cellAccuracy(expected, report);
    expect(accuracy.wrong).toEqual([]);
    expect(accuracy.missing.every((path) => path.startsWith('applications.deniedLawProhibited.'))).toBe(true);
    expect(Object.values(report.applications.deniedLawProhibited ?? {})).toEqual(Array(7).fill(null));
    expect(findings.some((f) => f.code === 'H7' && f.paths.includes('applications.deniedLawProhibited.total'))).toBe(
      true,
    );
  });
});
