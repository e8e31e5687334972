import { describe, expect, it } from 'vitest';
import { filingStatus } from '#shared/deadlines/filing-status.ts';
import type { ReportVersion } from '#shared/filing/records.ts';

const first = (acceptedAt: string, extra: Partial<ReportVersion> = {}): ReportVersion => ({
  agencyId: 'dept',
  year: 2022,
  version: 1,
  submissionId: 's-1',
  sha256: 'd'.repeat(64),
  original: { key: 'originals/x', contentType: 'text/plain', fileName: null, sizeBytes: 1 },
  canonicalKey: 'reports/dept/2022/v1.json',
  acceptedAt,
  publishedOn: null,
  amendmentReason: null,
  imported: false,
  hasErrors: false,
  warningCount: 0,
  ...extra,
});

describe('filing status of an agency-year', () => {
  it('is on time when accepted by the end of the deadline day in China', () => {
    expect(filingStatus('dept', '2023-01-31', first('2023-01-31T15:59:00Z'), '2023-03-01')).toEqual({
      agencyId: 'dept',
      status: 'onTime',
      deadline: '2023-01-31',
      filedOn: '2023-01-31',
      daysLate: 0,
    });
  });

  it('is late, by whole days, when accepted after midnight China time', () => {
    expect(filingStatus('dept', '2023-01-31', first('2023-01-31T16:00:00Z'), '2023-03-01')).toMatchObject({
      status: 'late',
      filedOn: '2023-02-01',
      daysLate: 1,
    });
  });

  it('judges an imported report by the day it was published, a filed one by its acceptance', () => {
    const imported = first('2024-05-01T02:00:00Z', { imported: true, publishedOn: '2023-01-15' });
    expect(filingStatus('dept', '2023-01-31', imported, '2024-06-01')).toMatchObject({
      status: 'onTime',
      filedOn: '2023-01-15',
    });
    const claimed = first('2023-02-10T02:00:00Z', { publishedOn: '2023-01-15' });
    expect(filingStatus('dept', '2023-01-31', claimed, '2024-06-01')).toMatchObject({ status: 'late', daysLate: 10 });
  });

  it('is due up to the deadline day and missing after it', () => {
    expect(filingStatus('dept', '2023-01-31', null, '2023-01-31')).toMatchObject({ status: 'due', daysLate: 0 });
    expect(filingStatus('dept', '2023-01-31', null, '2023-02-03')).toMatchObject({
      status: 'missing',
      filedOn: null,
      daysLate: 3,
    });
  });
});
