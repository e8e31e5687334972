import { describe, expect, it } from 'vitest';
import { getSubmission, listAgencyReports } from '#shared/filing/read-filings.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { filing, filingWorld } from './filing-world.ts';
import { OTHER_AGENCY, respaced, SEED_AGENCY, SEED_TEXT } from './seed-report.ts';

async function filedTwice() {
  const ports = await filingWorld();
  const first = await submitReport(ports, filing());
  await submitReport(ports, filing(respaced(SEED_TEXT, 1), { amendmentReason: '更正' }));
  if (first.kind !== 'filed') throw new Error('expected a filing');
  return { ports, submissionId: first.submission.submissionId };
}

describe('reading filings back', () => {
  it('gives a receipt to its own agency and to an admin', async () => {
    const { ports, submissionId } = await filedTwice();
    const own = await getSubmission(ports, { kind: 'agency', agencyId: SEED_AGENCY.id }, submissionId);
    expect(own).toMatchObject({ submissionId, status: 'accepted', version: 1, findings: [] });
    expect(await getSubmission(ports, { kind: 'admin' }, submissionId)).toEqual(own);
  });

  it("answers another agency's submission exactly like a missing one", async () => {
    const { ports, submissionId } = await filedTwice();
    const stranger = { kind: 'agency', agencyId: OTHER_AGENCY.id } as const;
    await expect(getSubmission(ports, stranger, submissionId)).rejects.toMatchObject({ code: 'SUBMISSION_NOT_FOUND' });
    await expect(getSubmission(ports, stranger, 'no-such-id')).rejects.toMatchObject({ code: 'SUBMISSION_NOT_FOUND' });
  });

  it("lists an agency's versions in order, a page at a time, to itself and to admins only", async () => {
    const { ports } = await filedTwice();
    const page = await listAgencyReports(ports, { kind: 'admin' }, SEED_AGENCY.id, { limit: 1 });
    expect(page.versions.map((v) => v.version)).toEqual([1]);
    const rest = await listAgencyReports(ports, { kind: 'agency', agencyId: SEED_AGENCY.id }, SEED_AGENCY.id, {
      limit: 1,
      cursor: page.cursor,
    });
    expect(rest.versions).toEqual([expect.objectContaining({ version: 2, amendmentReason: '更正' })]);
    await expect(
      listAgencyReports(ports, { kind: 'agency', agencyId: OTHER_AGENCY.id }, SEED_AGENCY.id, { limit: 10 }),
    ).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
  });
});
