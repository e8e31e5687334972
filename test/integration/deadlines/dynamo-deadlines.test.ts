/**
 * The deadline adapters on dynalite with the declared tables: the notice claim's conditional write, batch
 * reads of first versions, and two overlapping runs of one day that still send each notice once.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAcceptedReports } from '#shared/adapters/aws/dynamo-accepted-reports.ts';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoNoticeStore } from '#shared/adapters/aws/dynamo-notice-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryEventPublisher } from '#shared/adapters/memory/memory-event-publisher.ts';
import { MemoryMailer } from '#shared/adapters/memory/memory-mailer.ts';
import { DeadlineConfigSchema } from '#shared/deadlines/config.ts';
import type { NoticeRecord } from '#shared/deadlines/notice-record.ts';
import { runDeadlines } from '#shared/deadlines/run-deadlines.ts';
import { sendNotice } from '#shared/deadlines/send-notice.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import { AgencySchema } from '#shared/registry/agency.ts';
import { dueNoticeEvents } from '../../helpers/due-notice-events.ts';
import { startTemporaryDynamo, type TemporaryDynamo } from '../../helpers/temporary-dynamo.ts';

let local: TemporaryDynamo;
let dynamo: DynamoDBDocumentClient;
const table = (name: string) => local.table(name);

beforeAll(async () => {
  local = await startTemporaryDynamo('deadlines');
  dynamo = local.dynamo;
});
afterAll(() => local?.stop());

const record = (agencyId: string, stage = 'overdue'): NoticeRecord => ({
  agencyId,
  year: 2022,
  kind: 'overdue',
  stage,
  to: ['x@example.cn'],
  deadline: '2023-01-31',
  asOf: '2023-02-01',
  status: 'sending',
  sentAt: null,
  messageId: null,
  leaseUntil: '2023-02-01T00:05:00.000Z',
  error: null,
});

const version = (agencyId: string, year: number, n: number): ReportVersion => ({
  agencyId,
  year,
  version: n,
  submissionId: `s-${agencyId}-${year}-${n}`,
  sha256: 'b'.repeat(64),
  original: { key: `originals/${'b'.repeat(64)}`, contentType: 'text/plain', fileName: null, sizeBytes: 1 },
  canonicalKey: `reports/${agencyId}/${year}/v${n}.json`,
  acceptedAt: '2023-01-20T02:00:00.000Z',
  publishedOn: null,
  amendmentReason: null,
  imported: false,
  hasErrors: false,
  warningCount: 0,
});

describe('the notice store on DynamoDB', () => {
  it('lets exactly one of two concurrent claims win', async () => {
    const store = new DynamoNoticeStore(dynamo, table('notices'));
    const now = '2023-02-01T00:00:00.000Z';
    const claims = await Promise.all([store.claim(record('race'), now), store.claim(record('race'), now)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('refuses a sent notice for ever, and hands a failed or abandoned one to the next sender', async () => {
    const store = new DynamoNoticeStore(dynamo, table('notices'));
    const now = '2023-02-01T00:00:00.000Z';
    await store.claim(record('sent'), now);
    await store.save({ ...record('sent'), status: 'sent', sentAt: now, messageId: 'm-1', leaseUntil: null });
    expect(await store.claim(record('sent'), '2030-01-01T00:00:00.000Z')).toBe(false);
    await store.claim(record('failed'), now);
    await store.save({ ...record('failed'), status: 'failed', leaseUntil: null, error: 'throttled' });
    expect(await store.claim(record('failed'), now)).toBe(true);
    await store.claim(record('abandoned'), now);
    expect(await store.claim(record('abandoned'), now)).toBe(false);
    expect(await store.claim(record('abandoned'), '2023-02-01T00:05:00.001Z')).toBe(true);
  });

  it("reads notices by key, and lists a year's or one agency's", async () => {
    const store = new DynamoNoticeStore(dynamo, table('notices'));
    await store.save(record('listed', 'dueSoon-14'));
    await store.save(record('listed', 'dueSoon-3'));
    const got = await store.getMany(2022, [
      { agencyId: 'listed', stage: 'dueSoon-3' },
      { agencyId: 'listed', stage: 'escalated' },
    ]);
    expect(got.map((r) => r.stage)).toEqual(['dueSoon-3']);
    const mine = await store.list(2022, 'listed', { limit: 10 });
    expect(mine.items.map((r) => r.stage)).toEqual(['dueSoon-14', 'dueSoon-3']);
    const firstPage = await store.list(2022, null, { limit: 2 });
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.cursor).toBeDefined();
    expect((await store.list(2021, null, { limit: 10 })).items).toEqual([]);
  });
});

describe('first accepted versions on DynamoDB', () => {
  it('finds version 1 of the year for hundreds of agencies in batches', async () => {
    const versions = new DynamoVersionStore(dynamo, table('filings'));
    const ids = Array.from({ length: 250 }, (_, i) => `batch-${String(i).padStart(3, '0')}`);
    for (const id of ids.filter((_, i) => i % 2 === 0)) await versions.putIfAbsent(version(id, 2022, 1));
    await versions.putIfAbsent(version('batch-001', 2021, 1));
    await versions.putIfAbsent(version('batch-000', 2022, 2));
    const found = await new DynamoAcceptedReports(dynamo, table('filings')).firstVersions(ids, 2022);
    expect(found.size).toBe(125);
    expect(found.get('batch-000')?.version).toBe(1);
    expect(found.has('batch-001')).toBe(false);
  });
});

describe('two runs of the same day', () => {
  it('send each notice once', async () => {
    const agencies = new DynamoAgencyRegistry(dynamo, table('registry'));
    for (const id of ['twice-a', 'twice-b', 'twice-c']) {
      await agencies.create(
        AgencySchema.parse({
          id,
          name: `机关${id}`,
          kind: 'department',
          region: '曲江区',
          contactEmails: [`${id}@example.cn`],
        }),
      );
    }
    const bus = new MemoryEventPublisher();
    const mailer = new MemoryMailer();
    const clock = new ManualClock('2023-02-01T00:00:00.000Z');
    const config = DeadlineConfigSchema.parse({});
    const notices = new DynamoNoticeStore(dynamo, table('notices'));
    const ports = {
      clock,
      agencies,
      reports: new DynamoAcceptedReports(dynamo, table('filings')),
      notices,
      events: bus,
      config,
    };
    await Promise.all([
      runDeadlines(ports, { asOf: '2023-02-01', dryRun: false }),
      runDeadlines(ports, { asOf: '2023-02-01', dryRun: false }),
    ]);
    const mine = dueNoticeEvents(bus.published).filter((e) => e.detail.agencyId.startsWith('twice-'));
    expect(mine).toHaveLength(6);
    await Promise.all(mine.map((n) => sendNotice({ clock, notices, mailer, events: bus, config }, n)));
    expect(mailer.sent.map((m) => m.to[0]).sort()).toEqual([
      'twice-a@example.cn',
      'twice-b@example.cn',
      'twice-c@example.cn',
    ]);
  });
});
