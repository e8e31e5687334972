import { describe, expect, it } from 'vitest';
import { FilingError } from '#shared/filing/errors.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { filing, filingWorld } from './filing-world.ts';
import { ofYear, respaced, SEED_AGENCY, SEED_TEXT, withFirstCell } from './seed-report.ts';

const CONCURRENT = 20;

describe('concurrent filings of one agency-year', () => {
  it('leave versions 1..20 gap-free with no number twice when each carries a reason', async () => {
    const ports = await filingWorld();
    const outcomes = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        submitReport(ports, filing(respaced(SEED_TEXT, i + 1), { amendmentReason: `第${i + 1}次更正` })),
      ),
    );
    const versions = outcomes.map((o) => (o.kind === 'filed' ? o.submission.version : null));
    expect([...versions].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: CONCURRENT }, (_, i) => i + 1),
    );
    const stored = await ports.versions.listByAgency(SEED_AGENCY.id, { limit: 100 });
    expect(stored.items.map((v) => v.version)).toEqual(Array.from({ length: CONCURRENT }, (_, i) => i + 1));
    expect(new Set(stored.items.map((v) => v.submissionId)).size).toBe(CONCURRENT);
    expect(ports.versions.current(SEED_AGENCY.id, 2022)).toBe(CONCURRENT);
    expect(ports.events.published.filter((e) => e.detailType === 'ReportAccepted')).toHaveLength(1);
    expect(ports.events.published.filter((e) => e.detailType === 'ReportAmended')).toHaveLength(CONCURRENT - 1);
  });

  it('accept exactly one without reasons; the others get AMENDMENT_REASON_REQUIRED and leave nothing behind', async () => {
    const ports = await filingWorld();
    const settled = await Promise.allSettled(
      Array.from({ length: CONCURRENT }, (_, i) => submitReport(ports, filing(respaced(SEED_TEXT, i + 1)))),
    );
    const accepted = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(CONCURRENT - 1);
    expect(refused.every((e) => e instanceof FilingError && e.code === 'AMENDMENT_REASON_REQUIRED')).toBe(true);
    expect(ports.submissions.all()).toHaveLength(1);
    expect((await ports.versions.listByAgency(SEED_AGENCY.id, { limit: 100 })).items).toHaveLength(1);
    // One locked original, the winner's; the losers' bytes stay staged (expiring) and no key names them.
    const winner = ports.submissions.all()[0];
    expect(ports.originals.keys()).toEqual([`originals/${winner?.sha256}`]);
    expect(ports.uploads.keys()).toHaveLength(CONCURRENT);
    expect(ports.submissions.dedupeOwners()).toEqual([winner?.submissionId]);
  });
});

describe('year-on-year rules', () => {
  it("rejects a report whose carried-over figures differ from last year's accepted carried-forward (Y1)", async () => {
    const ports = await filingWorld();
    // Last year's report, archived as published: it carried 2 requests forward (and so breaks H1/H3 itself).
    const lastYear = withFirstCell(ofYear(SEED_TEXT, 2021), '四、结转下年度继续办理', 2);
    await submitReport(ports, filing(lastYear, { imported: true }));
    const outcome = await submitReport(ports, filing());
    if (outcome.kind !== 'filed') throw new Error('expected a filing');
    expect(outcome.submission.status).toBe('rejected');
    expect(outcome.submission.findings?.map((f) => f.code)).toContain('Y1');
  });
});
