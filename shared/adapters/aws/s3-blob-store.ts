/** One S3 bucket as a BlobStore. */

import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { BlobStore, PutOptions, StoredBlob } from '#shared/ports.ts';

/**
 * S3 refuses a PUT into an Object Lock bucket (the filed originals) without Content-MD5 or a checksum header,
 * and the clients run with checksums WHEN_REQUIRED (s3rver stores aws-chunked framing as data), so every write
 * carries its MD5 explicitly — which also makes S3 reject a body damaged in transit.
 */
function contentMd5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('base64');
}

export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, bytes: Uint8Array, contentType: string, options: PutOptions = {}): Promise<void> {
    await this.#write(key, bytes, contentType, {
      ...(options.contentDisposition === undefined ? {} : { ContentDisposition: options.contentDisposition }),
    });
  }

  /**
   * Looks first (content-addressed keys repeat whenever the same bytes are filed again), then writes with
   * `If-None-Match: *`, which S3 refuses with 412 when another writer got there in between.
   */
  async putIfAbsent(key: string, bytes: Uint8Array, contentType: string): Promise<boolean> {
    if (await this.#exists(key)) return false;
    try {
      await this.#write(key, bytes, contentType, { IfNoneMatch: '*' });
      return true;
    } catch (e) {
      if (statusOf(e) === 412 || statusOf(e) === 409) return false;
      throw e;
    }
  }

  async get(key: string): Promise<StoredBlob | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return null;
      return {
        bytes: await out.Body.transformToByteArray(),
        contentType: out.ContentType ?? null,
        ...(out.ContentDisposition === undefined ? {} : { contentDisposition: out.ContentDisposition }),
      };
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.ContentLength ?? null;
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  #write(
    key: string,
    bytes: Uint8Array,
    contentType: string,
    extra: { IfNoneMatch?: '*'; ContentDisposition?: string } = {},
  ) {
    return this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        ContentMD5: contentMd5(bytes),
        ...extra,
      }),
    );
  }

  async #exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }
}

function statusOf(e: unknown): number | undefined {
  const meta = (e as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return meta?.httpStatusCode;
}
