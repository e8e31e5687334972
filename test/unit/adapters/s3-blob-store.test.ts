import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3BlobStore } from '#shared/adapters/aws/s3-blob-store.ts';

const s3 = mockClient(S3Client);
const bytes = new TextEncoder().encode('韶关市曲江区总工会2022年政府信息公开工作年度报告');
const md5 = createHash('md5').update(bytes).digest('base64');
const notFound = Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });

describe('S3BlobStore', () => {
  beforeEach(() => {
    s3.reset();
    s3.on(PutObjectCommand).resolves({});
    s3.on(HeadObjectCommand).rejects(notFound);
  });

  it('sends Content-MD5 with a plain write', async () => {
    await new S3BlobStore(new S3Client({ region: 'us-east-1' }), 'data').put('a', bytes, 'text/plain');
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({ Key: 'a', ContentMD5: md5 });
  });

  it('sends Content-MD5 with a write-once, as Object Lock buckets require', async () => {
    const stored = await new S3BlobStore(new S3Client({ region: 'us-east-1' }), 'originals').putIfAbsent(
      'originals/x',
      bytes,
      'text/plain',
    );
    expect(stored).toBe(true);
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Key: 'originals/x',
      ContentMD5: md5,
      IfNoneMatch: '*',
    });
  });
});
