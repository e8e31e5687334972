import { describe, expect, it } from 'vitest';
import { LEASE_MILLISECONDS } from '#shared/filing/lease.ts';
import { settleSubmission, sweepPending } from '#shared/filing/settle-submission.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import type { BlobStore, EventPublisher } from '#shared/ports.ts';
import { filing, filingWorld } from './filing-world.ts';
import { failingFirst } from './port-faults.ts';
import { SEED_AGENCY } from './seed-report.ts';

describe('the pending sweep', () => {
  it('publishes exactly one event for a filing whose publisher failed once after storing', async () => {
    const world = await filingWorld();
    const events: EventPublisher = failingFirst(world.events, 'publish');
    const outcome = await submitReport({ ...world, events }, filing());
    if (outcome.kind !== 'filed') throw new Error('expected a filing');
    expect(outcome.submission).toMatchObject({ status: 'accepted', version: 1, eventPublished: false });
    expect(outcome.publishError).toBeInstanceOf(Error);
    expect(world.events.published).toEqual([]);

    const swept = await sweepPending({ ...world, events });
    expect(swept.settled).toEqual([outcome.submission.submissionId]);
    expect(world.events.published.map((e) => e.detailType)).toEqual(['ReportAccepted']);
    expect((await world.submissions.get(outcome.submission.submissionId))?.eventPublished).toBe(true);
    expect((await sweepPending(world)).settled).toEqual([]);
    expect(world.events.published).toHaveLength(1);
  });

  it('finishes a filing whose worker died after claiming its version, with the same number and no gap', async () => {
    const world = await filingWorld();
    const data: BlobStore = failingFirst(world.data, 'put');
    await expect(submitReport({ ...world, data }, filing())).rejects.toThrow('injected failure');
    const [pending] = world.submissions.all();
    expect(pending?.status).toBe('processing');
    expect((await world.versions.latest(SEED_AGENCY.id, 2022))?.version).toBe(1);

    await sweepPending(world);
    const settled = await world.submissions.get(pending?.submissionId ?? '');
    expect(settled).toMatchObject({ status: 'accepted', version: 1, eventPublished: true });
    expect(world.data.keys()).toEqual([
      'reports/qujiang-trade-union/2022/v1.findings.json',
      'reports/qujiang-trade-union/2022/v1.json',
    ]);
    expect((await world.versions.listByAgency(SEED_AGENCY.id, { limit: 10 })).items).toHaveLength(1);
    expect(world.events.published.map((e) => e.detail)).toEqual([
      expect.objectContaining({ eventId: 'ReportAccepted/qujiang-trade-union/2022/v1' }),
    ]);
  });

  it('copies the staged original into the locked bucket for a worker that died between claim and copy', async () => {
    const world = await filingWorld();
    const originals: BlobStore = failingFirst(world.originals, 'putIfAbsent');
    await expect(submitReport({ ...world, originals }, filing())).rejects.toThrow('injected failure');
    const [pending] = world.submissions.all();
    expect(pending).toMatchObject({
      status: 'processing',
      original: { key: `${SEED_AGENCY.id}/${pending?.submissionId}` },
    });
    expect((await world.versions.latest(SEED_AGENCY.id, 2022))?.original.key).toBe(`originals/${pending?.sha256}`);
    expect(world.originals.keys()).toEqual([]);

    await sweepPending(world);
    const settled = await world.submissions.get(pending?.submissionId ?? '');
    expect(settled).toMatchObject({
      status: 'accepted',
      version: 1,
      original: { key: `originals/${pending?.sha256}` },
    });
    expect(world.originals.keys()).toEqual([`originals/${pending?.sha256}`]);
    expect(world.events.published.map((e) => e.detailType)).toEqual(['ReportAccepted']);
  });

  it('leaves a submission alone while a live worker holds its lease, and takes it over once the lease runs out', async () => {
    const world = await filingWorld();
    // The process dies between storing and publishing: no one releases the lease.
    const events: EventPublisher = { publish: () => new Promise(() => {}) };
    void submitReport({ ...world, events }, filing());
    await waitUntil(() => world.submissions.all()[0]?.status === 'accepted');
    const [held] = world.submissions.all();
    expect(await settleSubmission(world, held?.submissionId ?? '')).toBeNull();
    expect((await sweepPending(world)).settled).toEqual([]);

    world.clock.advance(LEASE_MILLISECONDS + 1);
    expect((await sweepPending(world)).settled).toEqual([held?.submissionId]);
    expect(world.events.published.map((e) => e.detailType)).toEqual(['ReportAccepted']);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never held');
}
