/**
 * The same promise through the local API (`npm start`'s): nothing reaches the locked originals bucket before a
 * version exists, whether the file comes through `POST /v1/uploads` or in the body of `POST /v1/reports`.
 */
import { randomBytes } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respaced, SEED_TEXT } from '../../unit/filing/seed-report.ts';
import { type LocalApi, startLocalApi } from './local-api.ts';
import { postUpload } from './presigned-post.ts';

const A = 'qujiang-trade-union';
const RACERS = 20;

let api: LocalApi;
let s3: S3Client;
let token: string | undefined;
beforeAll(async () => {
  api = await startLocalApi();
  token = api.system.demoTokens[A];
  s3 = new S3Client({
    endpoint: api.system.endpoints.s3,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});
afterAll(async () => {
  s3?.destroy();
  await api?.stop();
});

async function keysIn(bucket: 'ORIGINALS' | 'UPLOADS'): Promise<string[]> {
  const Bucket = api.system.env[`${bucket}_BUCKET_NAME`];
  const listed = await s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1000 }));
  return (listed.Contents ?? []).map((o) => o.Key ?? '');
}

describe('staged originals through the local API', () => {
  it('refuses 50 MB of random bytes sent with the presigned POST of /v1/uploads, and locks nothing', async () => {
    const opened = await api.request('POST', '/v1/uploads', {
      token,
      body: JSON.stringify({ fileName: '扫描件.pdf' }),
      contentType: 'application/json',
    });
    expect(opened.status).toBe(201);
    expect(opened.body.maxBytes).toBe(40 * 1024 * 1024);
    const posted = await postUpload(opened.body.upload, randomBytes(50 * 1024 * 1024));
    expect(posted.status).toBe(400);
    expect(await posted.text()).toContain('EntityTooLarge');
    await api.system.waitForIdle();
    expect(await keysIn('ORIGINALS')).toEqual([]);
    expect(await keysIn('UPLOADS')).toEqual([]);
  });

  it('refuses to open an upload for an image', async () => {
    const opened = await api.request('POST', '/v1/uploads', {
      token,
      body: JSON.stringify({ contentType: 'image/png', fileName: 'x.png' }),
      contentType: 'application/json',
    });
    expect(opened.status).toBe(415);
    expect(opened.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it(`keeps one locked original after ${RACERS} racing first filings in request bodies; the others stay staged`, async () => {
    const statuses = await Promise.all(
      Array.from({ length: RACERS }, async (_, i) => {
        const res = await api.request('POST', '/v1/reports', {
          token,
          body: respaced(SEED_TEXT, i + 1),
          contentType: 'text/plain; charset=utf-8',
        });
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(RACERS - 1);
    expect(await keysIn('ORIGINALS')).toHaveLength(1);
    // Losers that raced past the first check were staged; later ones were refused before staging anything.
    expect((await keysIn('UPLOADS')).length).toBeLessThanOrEqual(RACERS);
  });
});
