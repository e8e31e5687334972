import { describe, expect, it } from 'vitest';
import { validateReport } from '#shared/validate/validate-report.ts';
import { buildReport } from '../../helpers/report-builder.ts';

const y4 = (year: number, latestReportYear?: number) =>
  validateReport(buildReport('2021', year), latestReportYear === undefined ? {} : { latestReportYear }).filter(
    (f) => f.code === 'Y4',
  );

describe('Y4: a year that can have a report', () => {
  it('refuses years before 2008, when the Regulations took effect, even offline', () => {
    expect(y4(2007)).toEqual([expect.objectContaining({ severity: 'error', expected: 2008, actual: 2007 })]);
    expect(y4(2008)).toEqual([]);
  });

  it('refuses a year that has not ended when the filing service knows the date', () => {
    expect(y4(2035, 2025)).toEqual([expect.objectContaining({ severity: 'error', expected: 2025, actual: 2035 })]);
    expect(y4(2026, 2025)).toHaveLength(1);
    expect(y4(2025, 2025)).toEqual([]);
    expect(y4(2035)).toEqual([]);
  });
});
