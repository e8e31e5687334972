import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilingError } from '#shared/filing/errors.ts';
import { LEASE_MILLISECONDS } from '#shared/filing/lease.ts';
import { sweepPending } from '#shared/filing/settle-submission.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { filing } from '../../unit/filing/filing-world.ts';
import { failingFirst, overriding } from '../../unit/filing/port-faults.ts';
import { ofYear, respaced, SEED_AGENCY, SEED_TEXT } from '../../unit/filing/seed-report.ts';
import { type AwsWorld, startAwsWorld } from './aws-world.ts';

let world: AwsWorld;
beforeAll(async () => {
  world = await startAwsWorld();
});
afterAll(() => world.stop());

/** Each test files a different year, so they share one set of stand-ins without seeing each other. */
function forYear(year: number, variant = 0) {
  return respaced(ofYear(SEED_TEXT, year), variant);
}

async function versionsOf(year: number): Promise<number[]> {
  const page = await world.ports.versions.listByAgency(SEED_AGENCY.id, { limit: 100 });
  return page.items.filter((v) => v.year === year).map((v) => v.version);
}

describe('filing on DynamoDB (dynalite) and S3 (s3rver) through the real SDK', () => {
  it('stores an accepted report: original, canonical JSON, version, current pointer, event', async () => {
    const outcome = await submitReport(world.ports, filing(forYear(2010)));
    if (outcome.kind !== 'filed') throw new Error('expected a filing');
    const { submission } = outcome;
    expect(submission).toMatchObject({ status: 'accepted', version: 1, year: 2010, eventPublished: true });
    expect(await world.ports.submissions.get(submission.submissionId)).toEqual(submission);
    const original = await world.ports.originals.get(`originals/${submission.sha256}`);
    expect(new TextDecoder().decode(original?.bytes)).toBe(forYear(2010));
    const canonical = await world.ports.data.get('reports/qujiang-trade-union/2010/v1.json');
    expect(JSON.parse(new TextDecoder().decode(canonical?.bytes))).toMatchObject({
      year: 2010,
      agency: { id: SEED_AGENCY.id },
    });
    const { Item } = await world.dynamo.send(
      new GetCommand({
        TableName: world.tableNames.filings,
        Key: { pk: `AGENCY#${SEED_AGENCY.id}`, sk: 'CURRENT#2010' },
      }),
    );
    expect(Item?.version).toBe(1);
    expect(world.bus.filter((e) => e.detail.submissionId === submission.submissionId)).toEqual([
      expect.objectContaining({ source: 'gongkai.filing', detailType: 'ReportAccepted' }),
    ]);
  });

  it('leaves versions 1..20 gap-free with no duplicates after 20 concurrent filings of one agency-year', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitReport(world.ports, filing(forYear(2011, i + 1), { amendmentReason: `更正${i}` })),
      ),
    );
    expect(outcomes.every((o) => o.kind === 'filed' && o.submission.status === 'accepted')).toBe(true);
    expect(await versionsOf(2011)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await world.ports.versions.latest(SEED_AGENCY.id, 2011))?.version).toBe(20);
  });

  it('accepts one of 20 concurrent first filings without reasons and answers the rest with 409 codes, keeping nothing of them', async () => {
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => submitReport(world.ports, filing(forYear(2012, i + 1)))),
    );
    const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect(refused.map((e) => e instanceof FilingError && e.code)).toEqual(Array(19).fill('AMENDMENT_REASON_REQUIRED'));
    expect(await versionsOf(2012)).toEqual([1]);
    const { Items = [] } = await world.dynamo.send(
      new ScanCommand({
        TableName: world.tableNames.filings,
        FilterExpression: '#y = :y',
        ExpressionAttributeNames: { '#y': 'year' },
        ExpressionAttributeValues: { ':y': 2012 },
      }),
    );
    expect(Items.filter((i) => String(i.pk).startsWith('SUB#'))).toHaveLength(1);
  });

  it('publishes exactly one event after the sweep when the publisher fails once between storing and publishing', async () => {
    const events = failingFirst(world.ports.events, 'publish');
    const outcome = await submitReport({ ...world.ports, events }, filing(forYear(2013)));
    if (outcome.kind !== 'filed') throw new Error('expected a filing');
    const id = outcome.submission.submissionId;
    expect(world.bus.filter((e) => e.detail.submissionId === id)).toEqual([]);
    expect(await world.ports.submissions.listPending(new Date(Date.now() + 60_000).toISOString(), 100)).toContain(id);

    await sweepPending(world.ports);
    await sweepPending(world.ports);
    expect(world.bus.filter((e) => e.detail.submissionId === id)).toEqual([
      expect.objectContaining({
        detailType: 'ReportAccepted',
        detail: expect.objectContaining({ eventId: 'ReportAccepted/qujiang-trade-union/2013/v1' }),
      }),
    ]);
    expect(await world.ports.submissions.listPending(new Date(Date.now() + 60_000).toISOString(), 100)).not.toContain(
      id,
    );
  });

  it('finishes, after its lease runs out, a filing whose process died after claiming its version', async () => {
    const data = failingFirst(world.ports.data, 'put');
    // A process that dies keeps its lease: it never gets to give it up.
    const submissions = overriding(world.ports.submissions, 'releaseLease', () => async () => {});
    await expect(submitReport({ ...world.ports, data, submissions }, filing(forYear(2014)))).rejects.toThrow(
      'injected failure',
    );
    expect(await versionsOf(2014)).toEqual([1]);
    expect((await sweepPending(world.ports)).settled).toEqual([]);

    world.ports.clock.advance(LEASE_MILLISECONDS + 1_000);
    const swept = await sweepPending(world.ports);
    expect(swept.failed).toEqual([]);
    expect(await versionsOf(2014)).toEqual([1]);
    expect(await world.ports.data.get('reports/qujiang-trade-union/2014/v1.json')).not.toBeNull();
    expect(world.bus.filter((e) => e.detail.eventId === 'ReportAccepted/qujiang-trade-union/2014/v1')).toHaveLength(1);
  });

  it('answers the same bytes and the same Idempotency-Key with the first receipt, and refuses the key for others', async () => {
    const first = await submitReport(world.ports, filing(forYear(2015), { idempotencyKey: 'k-2015' }));
    const sameBytes = await submitReport(world.ports, filing(forYear(2015)));
    const sameKey = await submitReport(world.ports, filing(forYear(2015), { idempotencyKey: 'k-2015' }));
    if (first.kind !== 'filed' || sameBytes.kind !== 'replay' || sameKey.kind !== 'replay')
      throw new Error('expected replays');
    expect(sameBytes.submission).toEqual(first.submission);
    expect(sameKey.submission).toEqual(first.submission);
    await expect(
      submitReport(world.ports, filing(forYear(2015, 3), { idempotencyKey: 'k-2015' })),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await versionsOf(2015)).toEqual([1]);
  });

  it('stores nothing for a dry run', async () => {
    const outcome = await submitReport(world.ports, filing(forYear(2016), { dryRun: true }));
    expect(outcome.kind).toBe('dryRun');
    expect(await versionsOf(2016)).toEqual([]);
    const { Items = [] } = await world.dynamo.send(
      new ScanCommand({
        TableName: world.tableNames.filings,
        FilterExpression: '#y = :y',
        ExpressionAttributeNames: { '#y': 'year' },
        ExpressionAttributeValues: { ':y': 2016 },
      }),
    );
    expect(Items).toEqual([]);
  });

  it('never overwrites an original: a second write of the same key is refused', async () => {
    const key = 'originals/0000000000000000000000000000000000000000000000000000000000000000';
    expect(await world.ports.originals.putIfAbsent(key, new TextEncoder().encode('first'), 'text/plain')).toBe(true);
    expect(await world.ports.originals.putIfAbsent(key, new TextEncoder().encode('second'), 'text/plain')).toBe(false);
    expect(new TextDecoder().decode((await world.ports.originals.get(key))?.bytes)).toBe('first');
  });

  it('lists agencies a page at a time through the agencyList index', async () => {
    const first = await world.ports.agencies.list({ limit: 1 });
    const second = await world.ports.agencies.list({ limit: 1, cursor: first.cursor });
    expect([...first.items, ...second.items].map((a) => a.id).sort()).toEqual([
      'qujiang-education-bureau',
      'qujiang-trade-union',
    ]);
    await expect(world.ports.agencies.list({ limit: 1, cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
  });

  it('refuses forged page cursors as a bad request, before DynamoDB sees them', async () => {
    const forge = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const first = await world.ports.agencies.list({ limit: 1 });
    const real = JSON.parse(Buffer.from(first.cursor ?? '', 'base64url').toString()) as Record<string, string>;
    const forgedAgencyCursors = [
      forge({ pk: 'x' }),
      forge({ ...real, listPk: 'OTHER' }),
      forge({ ...real, extra: 'x' }),
      forge({ ...real, listSk: 'x'.repeat(2000) }),
    ];
    for (const cursor of forgedAgencyCursors) {
      await expect(world.ports.agencies.list({ limit: 1, cursor })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    }
    const forgedVersionCursors = [
      forge({ pk: 'AGENCY#qujiang-education-bureau', sk: 'V#2015#000001' }),
      forge({ pk: 'AGENCY#qujiang-trade-union', sk: 'CURRENT#2015' }),
      forge({ pk: 'AGENCY#qujiang-trade-union' }),
    ];
    for (const cursor of forgedVersionCursors) {
      await expect(
        world.ports.versions.listByAgency('qujiang-trade-union', { limit: 1, cursor }),
      ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    }
    const page = await world.ports.versions.listByAgency('qujiang-trade-union', { limit: 1 });
    const next = await world.ports.versions.listByAgency('qujiang-trade-union', { limit: 1, cursor: page.cursor });
    expect(next.items).toHaveLength(1);
  });
});
