import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '#shared/report/model.ts';
import { isStoredReport } from '#shared/report/stored-report.ts';
import { buildReport, modified, withCell } from '../../helpers/report-builder.ts';
import { reportArbitrary } from '../parse/report-arbitrary.ts';

/** A stored report as it comes back from the bucket: JSON text parsed again. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the check of a stored canonical report', () => {
  it('accepts every report the model accepts', () => {
    fc.assert(
      fc.property(fc.boolean().chain(reportArbitrary), (report) => {
        expect(ReportSchema.safeParse(report).success).toBe(true);
        expect(isStoredReport(stored(report))).toBe(true);
      }),
      { numRuns: 200 },
    );
    for (const shape of ['2021', '2019', 'hybrid'] as const)
      expect(isStoredReport(stored(buildReport(shape)))).toBe(true);
  });

  const report = buildReport('2021');
  it.each([
    ['not an object', () => 'report'],
    ['another schema version', () => ({ ...report, schemaVersion: 2 })],
    ['a cell that is text', () => withCell(report, 'applications.newReceived.naturalPerson', '3' as never)],
    ['a missing row', () => modified(report, (r) => delete (r.reviewsAndLawsuits as Record<string, unknown>).review)],
    ['a table of the other shape', () => ({ ...report, shapes: { ...report.shapes, proactiveDisclosure: '2019' } })],
    ['an unknown shape', () => ({ ...report, shapes: { ...report.shapes, applications: '24-row' } })],
    ['a missing text part', () => ({ ...report, text: { ...report.text, overview: undefined } })],
    ['an agency without a name', () => ({ ...report, agency: {} })],
    ['a year that is text', () => ({ ...report, year: '2022' })],
    ['a note that is not text', () => ({ ...report, cellNotes: { 'applications.newReceived.naturalPerson': 1 } })],
    [
      'an extra row whose cell is text',
      () => modified(report, (r) => Object.assign(r.proactiveDisclosure, { extraRows: { 其他: { count: 'x' } } })),
    ],
  ])('rejects %s, as the model does', (_, damaged) => {
    const value = stored(damaged());
    expect(ReportSchema.safeParse(value).success).toBe(false);
    expect(isStoredReport(value)).toBe(false);
  });
});
