/**
 * Nothing reaches the locked originals bucket before a version exists: presigned POSTs are capped by their
 * policy (the local S3 stand-in enforces it as S3 does), and racing filings leave one locked original.
 */
import { randomBytes } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUpload } from '#shared/filing/open-upload.ts';
import { receiveUpload } from '#shared/filing/receive-upload.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import { filing } from '../../unit/filing/filing-world.ts';
import { bytesOf, ofYear, respaced, SEED_AGENCY, SEED_TEXT } from '../../unit/filing/seed-report.ts';
import { type AwsWorld, startAwsWorld } from './aws-world.ts';
import { postUpload } from './presigned-post.ts';

const RACERS = 20;

let world: AwsWorld;
beforeAll(async () => {
  world = await startAwsWorld();
});
afterAll(() => world.stop());

async function keysIn(bucket: 'originals' | 'uploads', prefix = ''): Promise<string[]> {
  const listed = await world.s3.send(
    new ListObjectsV2Command({ Bucket: world.bucketNames[bucket], Prefix: prefix, MaxKeys: 1000 }),
  );
  return (listed.Contents ?? []).map((o) => o.Key ?? '');
}

const open = (contentType: string, fileName: string, amendmentReason: string | null = null) =>
  openUpload(world.ports, { agencyId: SEED_AGENCY.id, contentType, fileName, amendmentReason, idempotencyKey: null });

/** Every de-duplication key names a stored submission. */
async function danglingDedupeKeys(): Promise<string[]> {
  const { Items = [] } = await world.dynamo.send(
    new ScanCommand({
      TableName: world.tableNames.filings,
      FilterExpression: 'begins_with(pk, :p)',
      ExpressionAttributeValues: { ':p': 'DEDUPE#' },
    }),
  );
  const dangling: string[] = [];
  for (const item of Items) {
    if (!(await world.ports.submissions.get(String(item.submissionId)))) dangling.push(String(item.pk));
  }
  return dangling;
}

describe('staged uploads through the real SDK and the local S3 stand-in', () => {
  it('refuses 50 MB of random bytes by the POST policy and stores them nowhere', async () => {
    const opened = await open('application/pdf', '扫描件.pdf');
    const key = opened.upload?.fields.key ?? '';
    const response = await postUpload(opened.upload, randomBytes(50 * 1024 * 1024));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>EntityTooLarge</Code>');
    expect(await keysIn('originals')).toEqual([]);
    expect(await world.ports.uploads.size(key)).toBeNull();
    expect((await world.ports.submissions.get(opened.submission.submissionId))?.status).toBe('processing');
  });

  it('refuses a file sent as another type than the policy pins, or with a forged policy', async () => {
    const opened = await open('text/plain', '年报.txt');
    const png = await postUpload(opened.upload, bytesOf(SEED_TEXT), { 'Content-Type': 'image/png' });
    expect(png.status).toBe(403);
    expect(await png.text()).toContain('Policy Condition failed');
    const policy = opened.upload?.fields.Policy ?? '';
    const widened = Buffer.from(
      Buffer.from(policy, 'base64')
        .toString('utf8')
        .replace(/"content-length-range",1,\d+/, '"content-length-range",1,999999999'),
    ).toString('base64');
    const forged = await postUpload(opened.upload, bytesOf(SEED_TEXT), { Policy: widened });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('SignatureDoesNotMatch');
    expect(await world.ports.uploads.size(opened.upload?.fields.key ?? '')).toBeNull();
  });

  it('refuses a POST whose policy has expired', async () => {
    const key = `${SEED_AGENCY.id}/expired-upload`;
    const upload = await world.ports.uploadSigner.presignPost({
      key,
      contentType: 'text/plain',
      maxBytes: 1024 * 1024,
      expiresInSeconds: -1,
    });
    const response = await postUpload(upload, bytesOf(SEED_TEXT));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Policy expired');
    expect(await world.ports.uploads.size(key)).toBeNull();
  });

  it('keeps an accepted upload staged until its version copies it into the locked bucket', async () => {
    const text = ofYear(SEED_TEXT, 2012);
    const opened = await open('text/plain; charset=utf-8', '年报.txt');
    const key = opened.upload?.fields.key ?? '';
    expect((await postUpload(opened.upload, bytesOf(text))).status).toBe(204);
    expect(await keysIn('originals')).toEqual([]);
    const settled = await receiveUpload(world.ports, key);
    expect(settled).toMatchObject({
      status: 'accepted',
      version: 1,
      original: { key: `originals/${settled?.sha256}` },
    });
    expect(await keysIn('originals')).toEqual([`originals/${settled?.sha256}`]);
  });

  it(`leaves exactly one locked original after ${RACERS} racing first filings, and no key naming nothing`, async () => {
    const before = await keysIn('originals');
    const settled = await Promise.allSettled(
      Array.from({ length: RACERS }, (_, i) =>
        submitReport(world.ports, filing(respaced(ofYear(SEED_TEXT, 2013), i + 1))),
      ),
    );
    const accepted = settled.filter((s) => s.status === 'fulfilled');
    expect(accepted).toHaveLength(1);
    expect(settled.filter((s) => s.status === 'rejected').map((s) => (s.reason as { code?: string }).code)).toEqual(
      Array(RACERS - 1).fill('AMENDMENT_REASON_REQUIRED'),
    );
    const locked = (await keysIn('originals')).filter((k) => !before.includes(k));
    expect(locked).toHaveLength(1);
    expect(await danglingDedupeKeys()).toEqual([]);
  });

  it(`leaves exactly one locked original after ${RACERS} racing first uploads; the others are rejected, staged`, async () => {
    const before = await keysIn('originals');
    const uploads = await Promise.all(
      Array.from({ length: RACERS }, async (_, i) => {
        const opened = await open('text/plain', '年报.txt');
        const posted = await postUpload(opened.upload, bytesOf(respaced(ofYear(SEED_TEXT, 2014), i + 1)));
        expect(posted.status).toBe(204);
        return opened.upload?.fields.key ?? '';
      }),
    );
    const settled = await Promise.all(uploads.map((key) => receiveUpload(world.ports, key)));
    expect(settled.filter((s) => s?.status === 'accepted')).toHaveLength(1);
    expect(settled.filter((s) => s?.rejectionReason === 'amendmentReasonRequired')).toHaveLength(RACERS - 1);
    expect((await keysIn('originals')).filter((k) => !before.includes(k))).toHaveLength(1);
    for (const key of uploads) expect(await world.ports.uploads.size(key)).toBeGreaterThan(0);
    expect(await danglingDedupeKeys()).toEqual([]);
  });
});
