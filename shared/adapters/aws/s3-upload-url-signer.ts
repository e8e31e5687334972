/**
 * Presigned browser POSTs into the uploads bucket (S3 "POST Object" with a Signature Version 4 policy).
 * Unlike a presigned PUT, the policy carries conditions S3 itself enforces before storing anything: the exact
 * key, the exact Content-Type and a `content-length-range`, so an oversized or foreign file never lands.
 */
import { createHmac } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PresignedPost, UploadPolicy, UploadUrlSigner } from '#shared/ports.ts';

const ALGORITHM = 'AWS4-HMAC-SHA256';

export class S3UploadUrlSigner implements UploadUrlSigner {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async presignPost(policy: UploadPolicy): Promise<PresignedPost> {
    const credentials = await this.client.config.credentials();
    const region = await this.client.config.region();
    const now = new Date();
    const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
    const day = amzDate.slice(0, 8);
    const fields: Record<string, string> = {
      key: policy.key,
      'Content-Type': policy.contentType,
      'X-Amz-Algorithm': ALGORITHM,
      'X-Amz-Credential': `${credentials.accessKeyId}/${day}/${region}/s3/aws4_request`,
      'X-Amz-Date': amzDate,
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const document = {
      expiration: new Date(now.getTime() + policy.expiresInSeconds * 1000).toISOString(),
      conditions: [
        { bucket: this.bucket },
        ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
        ['content-length-range', 1, policy.maxBytes],
      ],
    };
    const encoded = Buffer.from(JSON.stringify(document)).toString('base64');
    const signingKey = [day, region, 's3', 'aws4_request'].reduce<Buffer>(
      (key, part) => hmac(key, part),
      Buffer.from(`AWS4${credentials.secretAccessKey}`),
    );
    return {
      url: await this.bucketUrl(policy.key),
      fields: { ...fields, Policy: encoded, 'X-Amz-Signature': hmac(signingKey, encoded).toString('hex') },
    };
  }

  /**
   * The bucket's own URL as the client addresses it — path style locally, virtual-hosted and partition-aware
   * (amazonaws.com.cn) on AWS — taken from a presigned PUT of the same key with the key and query cut off.
   */
  private async bucketUrl(key: string): Promise<string> {
    const put = new URL(await getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: key })));
    const keyPath = `/${key.split('/').map(encodeURIComponent).join('/')}`;
    const path = put.pathname.endsWith(keyPath) ? put.pathname.slice(0, -keyPath.length) : put.pathname;
    return `${put.origin}${path || '/'}`;
  }
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}
