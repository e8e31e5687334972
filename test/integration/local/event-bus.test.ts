/** The runner's event bus, S3 notifications and schedules on a small declaration, with the real SDK clients. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeSchema } from '../../../events/define-event.ts';
import { S3ObjectCreated } from '../../../events/s3-object-created.ts';
import { type LocalSystem, startLocal } from '../../../infra/local/runner.ts';
import { testApp } from './fixtures/test-app.ts';

let home: string;
let local: LocalSystem;

const start = () => startLocal({ app: testApp, home, port: 0, quiet: true, retryBaseMs: 1, runSchedules: false });

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-runner-'));
  local = await start();
});
afterAll(async () => {
  await local?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Everything the `remember` consumer stored, by detail-type. */
async function remembered(detailType: string): Promise<Record<string, unknown>[]> {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const { Items = [] } = await documents.send(
    new QueryCommand({
      TableName: local.env.RECORDS_TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'seen' },
    }),
  );
  return Items.map((item) => item.event as Record<string, unknown>).filter((e) => e['detail-type'] === detailType);
}

describe('the event bus', () => {
  it('delivers a PutEvents entry from a handler to the subscribed consumer', async () => {
    const response = await fetch(`${local.url}/records`, {
      method: 'POST',
      headers: { authorization: 'Bearer ok', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'r-1' }),
    });
    expect(response.status).toBe(201);
    const { eventId } = (await response.json()) as { eventId: string };
    await local.waitForIdle();
    expect(await remembered('RecordCreated')).toContainEqual(
      expect.objectContaining({ id: eventId, source: 'runner.test', detail: { id: 'r-1' }, account: '000000000000' }),
    );
  });

  it('retries a failing consumer up to maxAttempts, then lists the event as a dead letter', async () => {
    await fetch(`${local.url}/records`, {
      method: 'POST',
      headers: { authorization: 'Bearer ok', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'r-2', doomed: true }),
    });
    await local.waitForIdle();
    const response = await fetch(`${local.url}/_local/dead-letters`);
    const { deadLetters } = (await response.json()) as { deadLetters: Record<string, unknown>[] };
    expect(deadLetters).toContainEqual(
      expect.objectContaining({
        fn: 'alwaysFails',
        attempts: 2,
        error: 'this handler always fails',
        event: expect.objectContaining({ 'detail-type': 'RecordDoomed', detail: { id: 'r-2', doomed: true } }),
      }),
    );
  });

  it('still lists the dead letter after a restart, from the journal under the home', async () => {
    await local.stop();
    local = await start();
    const response = await fetch(`${local.url}/_local/dead-letters`);
    const { deadLetters } = (await response.json()) as { deadLetters: Record<string, unknown>[] };
    expect(deadLetters).toContainEqual(
      expect.objectContaining({
        fn: 'alwaysFails',
        event: expect.objectContaining({ detail: { id: 'r-2', doomed: true } }),
      }),
    );
  });

  it('turns a presigned PUT into the S3 Object Created event EventBridge would deliver', async () => {
    const s3 = new S3Client({ forcePathStyle: true });
    const key = 'qujiang-trade-union/upload-1';
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: local.env.INBOX_BUCKET_NAME, Key: key }));
    expect((await fetch(url, { method: 'PUT', body: '2022年年报' })).status).toBe(200);
    await local.waitForIdle();
    const [created] = (await remembered('Object Created')).filter(
      (e) => (e.detail as { object: { key: string } }).object.key === key,
    );
    expect(envelopeSchema(S3ObjectCreated).parse(created).detail).toMatchObject({
      bucket: { name: local.env.INBOX_BUCKET_NAME },
      object: { key, size: Buffer.byteLength('2022年年报') },
      reason: 'PutObject',
    });
  });

  it('sends no event for a bucket without EventBridge notifications', async () => {
    const s3 = new S3Client({ forcePathStyle: true });
    await s3.send(new PutObjectCommand({ Bucket: local.env.ARCHIVE_BUCKET_NAME, Key: 'quiet.txt', Body: 'x' }));
    await local.waitForIdle();
    const keys = (await remembered('Object Created')).map((e) => (e.detail as { object: { key: string } }).object.key);
    expect(keys).not.toContain('quiet.txt');
  });
});

describe('schedules and the local console', () => {
  it('runs a schedule on demand with the Scheduler event', async () => {
    const response = await fetch(`${local.url}/_local/schedules/tick`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ schedule: 'tick', fn: 'remember', ok: true });
    expect(await remembered('Scheduled Event')).toContainEqual(
      expect.objectContaining({
        source: 'aws.scheduler',
        detail: '{}',
        resources: [expect.stringContaining('schedule/default/tick')],
      }),
    );
    expect((await fetch(`${local.url}/_local/schedules/nope`, { method: 'POST' })).status).toBe(404);
  });

  it('lists the schedules with their next run in the declared time zone', async () => {
    const response = await fetch(`${local.url}/_local/schedules`);
    const { schedules, nextRuns } = (await response.json()) as {
      schedules: string[];
      nextRuns: Record<string, string>;
    };
    expect(schedules).toEqual(['tick']);
    // 03:00 on 1 January in Beijing is 19:00 UTC on 31 December.
    expect(nextRuns.tick).toMatch(/-12-31T19:00:00.000Z$/);
  });

  it('shows the mail inbox', async () => {
    const response = await fetch(`${local.url}/_local/mail`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ emails: expect.any(Array) });
  });
});
