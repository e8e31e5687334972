/** The S3 stand-in's writes are atomic: concurrent writers, readers during a write and crash leftovers. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3StandIn, startS3StandIn } from '../../../infra/local/s3-stand-in.ts';

const BUCKET = 'atomic-test';
let directory: string;
let standIn: S3StandIn;
let s3: S3Client;
const reported: string[] = [];

const start = async (): Promise<void> => {
  standIn = await startS3StandIn(directory, [{ name: BUCKET, browserUploads: false }], 0, (line) =>
    reported.push(line),
  );
  s3 = new S3Client({
    endpoint: standIn.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
};
const stop = async (): Promise<void> => {
  s3.destroy();
  await standIn.close();
};

beforeAll(async () => {
  directory = join(await mkdtemp(join(tmpdir(), 'gongkai-atomic-s3-')), 's3');
  await start();
});
afterAll(async () => {
  await stop();
  await rm(join(directory, '..'), { recursive: true, force: true });
});

/** A JSON body of about `size` bytes whose every byte says who wrote it. */
function body(writer: number, size: number): string {
  return JSON.stringify({ writer, fill: String(writer % 10).repeat(size) });
}

async function read(key: string): Promise<{ text: string; etag: string | undefined; type: string | undefined }> {
  const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return { text: (await got.Body?.transformToString()) ?? '', etag: got.ETag, type: got.ContentType };
}

const md5 = (text: string): string => `"${createHash('md5').update(text).digest('hex')}"`;
const objectFile = (key: string): string => join(directory, BUCKET, `${key}._S3rver_object`);

describe('the atomic S3 store', () => {
  it('leaves one whole body, with its own ETag, after 20 concurrent writers of one key read meanwhile', async () => {
    const key = 'site/catalog.json';
    const writers = Array.from({ length: 20 }, (_, i) => body(i, 200_000 + i * 1000));
    const reads: string[] = [];
    await Promise.all([
      ...writers.map((text) =>
        s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: text, ContentType: 'application/json' })),
      ),
      ...Array.from({ length: 20 }, async () => {
        const got = await read(key).catch(() => undefined);
        if (got) reads.push(got.text);
      }),
    ]);
    for (const text of reads) expect(writers).toContain(text);
    const final = await read(key);
    expect(writers).toContain(final.text);
    expect(final.etag).toBe(md5(final.text));
    expect(final.type).toBe('application/json');
  });

  it('serves the previous object whole while an upload of the key is half sent, and after it breaks off', async () => {
    const key = 'reports/a/2022/v1.json';
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body(1, 1000) }));
    const url = new URL(await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 60 }));
    const upload = request(url, { method: 'PUT', headers: { 'content-length': '100000' } });
    upload.on('error', () => {});
    upload.write('{"torn":');
    await new Promise((done) => setTimeout(done, 100));
    expect((await read(key)).text).toBe(body(1, 1000));
    upload.destroy();
    await new Promise((done) => setTimeout(done, 100));
    expect((await read(key)).text).toBe(body(1, 1000));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'reports/' }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([key]);
  });

  it('copies atomically, keeping the source type', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'staged/x', Body: 'report bytes', ContentType: 'text/plain' }),
    );
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'originals/x', CopySource: `${BUCKET}/staged/x` }));
    const copied = await read('originals/x');
    expect(copied).toEqual({ text: 'report bytes', etag: md5('report bytes'), type: 'text/plain' });
  });

  it('serves an object whose metadata or checksum a crash damaged, and reports it', async () => {
    const key = 'site/years/2022.json';
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: '{"year":2022}', ContentType: 'application/json' }),
    );
    await writeFile(join(directory, BUCKET, 'site/years', '2022.json._S3rver_metadata.json'), '{"content-ty');
    await writeFile(`${objectFile(key)}.md5`, '');
    const got = await read(key);
    expect(got.text).toBe('{"year":2022}');
    expect(got.etag).toBe(md5('{"year":2022}'));
    expect(reported.join('\n')).toContain('unreadable metadata');
    await read(key);
    expect(reported.filter((line) => line.includes('unreadable metadata'))).toHaveLength(1);
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ContentLength).toBe(13);
  });

  it('sweeps partial writes a kill left behind when it starts again', async () => {
    await stop();
    const temporary = `${directory}.tmp`;
    await writeFile(join(temporary, '.tmp-left-by-a-crash._S3rver_object.abc'), '{"torn');
    await start();
    expect(await readdir(temporary)).toEqual([]);
    expect(reported.join('\n')).toMatch(/removed 1 partial write/);
    expect(JSON.parse(await readFile(objectFile('site/catalog.json'), 'utf8'))).toHaveProperty('writer');
  });
});
