import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3UploadUrlSigner } from '#shared/adapters/aws/s3-upload-url-signer.ts';

const POLICY = { key: 'agency-a/submission-1', contentType: 'application/pdf', maxBytes: 40 * 1024 * 1024 };

function decoded(fields: Readonly<Record<string, string>>) {
  return JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as {
    expiration: string;
    conditions: unknown[];
  };
}

describe('presigned POST policies', () => {
  it('pin the key, the type and the size, carry a session token, and address the bucket in its partition', async () => {
    const client = new S3Client({
      region: 'cn-north-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session-token' },
    });
    const before = Date.now();
    const post = await new S3UploadUrlSigner(client, 'gongkai-uploads').presignPost({
      ...POLICY,
      expiresInSeconds: 900,
    });
    expect(post.url).toBe('https://gongkai-uploads.s3.cn-north-1.amazonaws.com.cn/');
    expect(post.fields).toMatchObject({
      key: POLICY.key,
      'Content-Type': 'application/pdf',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Security-Token': 'session-token',
    });
    expect(post.fields['X-Amz-Credential']).toMatch(/^AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\/aws4_request$/);
    expect(post.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    const policy = decoded(post.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'gongkai-uploads' },
        { key: POLICY.key },
        { 'Content-Type': 'application/pdf' },
        { 'X-Amz-Security-Token': 'session-token' },
        ['content-length-range', 1, POLICY.maxBytes],
      ]),
    );
    const expires = Date.parse(policy.expiration) - before;
    expect(expires).toBeGreaterThan(890_000);
    expect(expires).toBeLessThanOrEqual(900_000 + 60_000);
    client.destroy();
  });

  it('post to the bucket path on a path-style endpoint (the local stand-in)', async () => {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4569',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const post = await new S3UploadUrlSigner(client, 'uploads').presignPost({ ...POLICY, expiresInSeconds: 60 });
    expect(post.url).toBe('http://127.0.0.1:4569/uploads');
    expect(post.fields['X-Amz-Security-Token']).toBeUndefined();
    client.destroy();
  });
});
