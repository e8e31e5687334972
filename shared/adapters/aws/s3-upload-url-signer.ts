/** Presigned PUT URLs into the uploads bucket. */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadUrlSigner } from '#shared/ports.ts';

export class S3UploadUrlSigner implements UploadUrlSigner {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /**
   * The client must be built with `requestChecksumCalculation: 'WHEN_REQUIRED'`: otherwise the URL carries
   * the CRC32 of an empty body and S3 refuses every real upload.
   */
  async presignPut(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }
}
