import { describe, expect, it } from 'vitest';
import { checkReport } from '#shared/check-report.ts';
import { parseReport } from '#shared/parse/parse-report.ts';
import { expectationOf, expectedCells, fixtureFile, reportCells, SAMPLE_NAMES, samplePdf } from './sample-figures.ts';

describe.each(SAMPLE_NAMES)('parseReport on %s', (name) => {
  const expected = expectationOf(name);

  it('reads every figure into its cell of the report', async () => {
    const { report, layout } = await parseReport({ bytes: samplePdf(name), fileName: `${name}.pdf` });
    const cells = expectedCells(expected);
    expect(layout).toBe('pdf/text-positions');
    expect(Object.fromEntries(reportCells(report, cells.keys()))).toEqual(Object.fromEntries(cells));
    expect(report.cellNotes).toEqual({});
  });

  it('detects the shape of each table and the year of the report', async () => {
    const { report } = await parseReport({ bytes: samplePdf(name) });
    expect(report.shapes).toEqual(expected.shapes);
    expect(report.format).toBe(expected.format);
    expect(report.year).toBe(expected.year);
    expect(report.title).toBe(expected.title);
  });
});

describe('parseReport on the 淮安市 2024 report printed by Chromium', () => {
  it('reads every figure although rows are packed tight and the text runs are cut differently', async () => {
    const { report } = await parseReport({ bytes: fixtureFile('2024-huaian-city-government.chromium.pdf') });
    const cells = expectedCells(expectationOf('2024-huaian-city-government'));
    expect(Object.fromEntries(reportCells(report, cells.keys()))).toEqual(Object.fromEntries(cells));
    expect(report.shapes).toEqual({ proactiveDisclosure: '2021', applications: '25-row' });
  });
});

describe('checking the 洪泽区 2023 PDF', () => {
  it('reports the two section-4 totals printed as 0 although their parts sum to 11 and 5', async () => {
    const { findings } = await checkReport({ bytes: samplePdf('2023-huaian-hongze-district-government') });
    const totals = findings.filter((f) => f.code === 'H4');
    expect(totals.map((f) => [f.paths[0], f.expected, f.actual])).toEqual([
      ['reviewsAndLawsuits.review.total', 11, 0],
      ['reviewsAndLawsuits.litigationAfterReview.total', 5, 0],
    ]);
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(2);
  });
});
