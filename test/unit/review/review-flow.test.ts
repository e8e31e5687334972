/**
 * Review before publication on memory adapters: where a region reviews, a department's filing is stored as a
 * version awaiting review and publishes no event; its county office accepts it (one `ReportPublished`, again
 * on a repeat) or returns it with a reason (mailed once); accept and return at once have one winner.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryMailer } from '#shared/adapters/memory/memory-mailer.ts';
import type { MemoryPorts } from '#shared/adapters/memory/memory-ports.ts';
import { VersionStoreAcceptedReports } from '#shared/adapters/memory/version-store-accepted-reports.ts';
import { FilingError } from '#shared/filing/errors.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { parseReviewConfig, reviewRequired } from '#shared/review/review-config.ts';
import { acceptReview, returnReview } from '#shared/review/review-filing.ts';
import { listAwaitingReview } from '#shared/review/review-queue.ts';
import { filing, filingWorld } from '../filing/filing-world.ts';
import { OTHER_AGENCY, ofYear, respaced, SEED_AGENCY, SEED_TEXT } from '../filing/seed-report.ts';

const DEPARTMENT_TEXT = SEED_TEXT.replaceAll('韶关市曲江区总工会', OTHER_AGENCY.name);
const COUNTY_OFFICE = { kind: 'office', officeId: 'qujiang-office', regionCode: '440205' } as const;
const OTHER_OFFICE = { kind: 'office', officeId: 'hongze-office', regionCode: '320813' } as const;
const REVIEW = parseReviewConfig('{"regions":{"440205":{"department":true}}}');

let world: MemoryPorts;
let mailer: MemoryMailer;
const ports = () => ({ ...world, mailer, siteUrl: 'https://gongkai.example.cn' });

async function fileAsDepartment(text = DEPARTMENT_TEXT, amendmentReason: string | null = null) {
  const outcome = await submitReport(
    { ...world, review: REVIEW },
    filing(text, { agencyId: OTHER_AGENCY.id, amendmentReason }),
  );
  if (outcome.kind !== 'filed') throw new Error(`expected a filing, got ${outcome.kind}`);
  return outcome.submission;
}

beforeEach(async () => {
  world = await filingWorld();
  await world.agencies.replace({ ...OTHER_AGENCY, contactEmails: ['jyj@qujiang.example.org'] });
  await world.offices.create({
    id: 'qujiang-office',
    name: '韶关市曲江区人民政府办公室',
    regionCode: '440205',
    contactEmails: [],
  });
  mailer = new MemoryMailer();
});

describe('the review setting', () => {
  it('is inherited down the tree, the nearest region that speaks for the kind deciding', () => {
    const config = parseReviewConfig('{"regions":{"440200":true,"440205":{"department":false}}}');
    expect(reviewRequired({ regionCode: '440205100', kind: 'township' }, config)).toBe(true);
    expect(reviewRequired({ regionCode: '440205', kind: 'department' }, config)).toBe(false);
    expect(reviewRequired({ regionCode: '440204', kind: 'department' }, config)).toBe(true);
    expect(reviewRequired({ regionCode: '320813', kind: 'department' }, config)).toBe(false);
    expect(reviewRequired({ regionCode: null, kind: 'department' }, config)).toBe(false);
  });

  it('refuses a key that is no division code, naming the variable', () => {
    expect(() => parseReviewConfig('{"regions":{"曲江区":true}}')).toThrow(/GONGKAI_REVIEW: regions\.曲江区/);
    expect(() => parseReviewConfig('{')).toThrow(/GONGKAI_REVIEW is not valid JSON/);
  });
});

describe('a filing held for review', () => {
  it('is a version awaiting review that publishes nothing, while other kinds publish at once', async () => {
    const held = await fileAsDepartment();
    expect(held).toMatchObject({ status: 'accepted', version: 1, heldForReview: true });
    const version = await world.versions.get(OTHER_AGENCY.id, 2022, 1);
    expect(version?.review).toMatchObject({ state: 'awaitingReview', regionCode: '440205' });
    expect(world.events.published.map((e) => e.detailType)).toEqual([]);
    expect(world.versions.current(OTHER_AGENCY.id, 2022)).toBeNull();

    await submitReport({ ...world, review: REVIEW }, filing());
    expect(world.events.published.map((e) => e.detailType)).toEqual(['ReportAccepted']);
  });

  it('counts as filed on its filing day for the deadline', async () => {
    await fileAsDepartment();
    const firsts = await new VersionStoreAcceptedReports(world.versions).firstVersions([OTHER_AGENCY.id], 2022);
    expect(firsts.get(OTHER_AGENCY.id)?.version).toBe(1);
  });

  it('is listed for the county office and for no office elsewhere', async () => {
    const held = await fileAsDepartment();
    const listed = await listAwaitingReview(world, COUNTY_OFFICE, { limit: 10 });
    expect(listed.reviews).toEqual([
      expect.objectContaining({ submissionId: held.submissionId, agencyName: OTHER_AGENCY.name, version: 1 }),
    ]);
    expect((await listAwaitingReview(world, OTHER_OFFICE, { limit: 10 })).reviews).toEqual([]);
    await expect(acceptReview(world, OTHER_OFFICE, held.submissionId)).rejects.toMatchObject({
      code: 'SUBMISSION_NOT_FOUND',
    });
  });

  it("shows the office the filer's explanations of the warnings it kept", async () => {
    await acceptReview(world, COUNTY_OFFICE, (await fileAsDepartment()).submissionId);
    world.clock.advance(400 * 24 * 3600 * 1000);
    const reason = '本局2023年工作与上年相同，总体情况经核对后沿用上年表述。';
    const outcome = await submitReport(
      { ...world, review: REVIEW },
      filing(ofYear(DEPARTMENT_TEXT, 2023), {
        agencyId: OTHER_AGENCY.id,
        explanations: { 'C1:text.overview': reason },
      }),
    );
    if (outcome.kind !== 'filed') throw new Error(`expected a filing, got ${outcome.kind}`);
    const listed = await listAwaitingReview(world, COUNTY_OFFICE, { limit: 10 });
    expect(listed.reviews).toEqual([
      expect.objectContaining({
        submissionId: outcome.submission.submissionId,
        year: 2023,
        explanations: [{ key: 'C1:text.overview', code: 'C1', paths: ['text.overview'], text: reason }],
      }),
    ]);
  });
});

describe('the office', () => {
  it('accepts: ReportPublished once per version, again (same eventId) when it accepts twice', async () => {
    const held = await fileAsDepartment();
    const first = await acceptReview(world, COUNTY_OFFICE, held.submissionId);
    const second = await acceptReview(world, COUNTY_OFFICE, held.submissionId);
    expect(first).toMatchObject({ state: 'accepted', officeId: 'qujiang-office' });
    expect(second).toEqual(first);
    const published = world.events.published.map((e) => e.detail as { eventId: string; reviewedBy: string });
    expect(published.map((d) => d.eventId)).toEqual([
      `ReportPublished/${OTHER_AGENCY.id}/2022/v1`,
      `ReportPublished/${OTHER_AGENCY.id}/2022/v1`,
    ]);
    expect(published[0]?.reviewedBy).toBe('qujiang-office');
    expect(world.versions.current(OTHER_AGENCY.id, 2022)).toBe(1);
    expect((await listAwaitingReview(world, COUNTY_OFFICE, { limit: 10 })).reviews).toEqual([]);
  });

  it('returns with a reason: mailed to the agency once, and the next filing is a new version without a reason', async () => {
    const held = await fileAsDepartment();
    const returned = await returnReview(ports(), COUNTY_OFFICE, held.submissionId, '表三数据与上年度不衔接');
    expect(returned).toMatchObject({ state: 'returned', reason: '表三数据与上年度不衔接', notified: true });
    await returnReview(ports(), COUNTY_OFFICE, held.submissionId, '再次退回');
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.to).toEqual(['jyj@qujiang.example.org']);
    expect(mailer.sent[0]?.text).toContain('退回原因：表三数据与上年度不衔接');
    expect(world.events.published).toEqual([]);
    const firsts = await new VersionStoreAcceptedReports(world.versions).firstVersions([OTHER_AGENCY.id], 2022);
    expect(firsts.has(OTHER_AGENCY.id)).toBe(false);

    const again = await fileAsDepartment(respaced(DEPARTMENT_TEXT, 1));
    expect(again).toMatchObject({ status: 'accepted', version: 2, heldForReview: true, amendmentReason: null });
  });

  it('mails a return again only when the first mail did not go out', async () => {
    const held = await fileAsDepartment();
    mailer.failNext(1);
    await expect(returnReview(ports(), COUNTY_OFFICE, held.submissionId, '请补充说明')).rejects.toThrow(/mail/);
    const retried = await returnReview(ports(), COUNTY_OFFICE, held.submissionId, '请补充说明');
    expect(retried).toMatchObject({ state: 'returned', notified: true });
    expect(mailer.sent).toHaveLength(1);
  });

  it('gives one winner to an accept and a return sent at once; the loser is told it came too late', async () => {
    const held = await fileAsDepartment();
    const [accepted, returned] = await Promise.allSettled([
      acceptReview(world, COUNTY_OFFICE, held.submissionId),
      returnReview(ports(), COUNTY_OFFICE, held.submissionId, '请修改'),
    ]);
    const outcomes = [accepted, returned].map((o) => o.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const loser = [accepted, returned].find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(FilingError);
    expect(loser.reason.code).toBe('REVIEW_DECIDED');
    const state = (await world.versions.get(OTHER_AGENCY.id, 2022, 1))?.review?.state;
    expect(state === 'accepted' ? world.events.published.length : mailer.sent.length).toBe(1);
  });

  it('answers a filing that is not held for review with NOT_UNDER_REVIEW', async () => {
    const outcome = await submitReport({ ...world, review: REVIEW }, filing());
    if (outcome.kind !== 'filed') throw new Error('expected a filing');
    await expect(acceptReview(world, COUNTY_OFFICE, outcome.submission.submissionId)).rejects.toMatchObject({
      code: 'NOT_UNDER_REVIEW',
    });
    expect(SEED_AGENCY.kind).toBe('other');
  });
});
