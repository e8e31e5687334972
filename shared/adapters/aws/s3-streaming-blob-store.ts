/**
 * Streamed writes to S3 as a multipart upload: parts of PART_BYTES go out as they fill, so a file of any
 * size is written holding one part; nothing is visible at the key until the upload completes.
 */
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { BlobStream, StreamingBlobStore } from '#shared/archive/archive-ports.ts';
import { concatBytes } from '#shared/archive/concat-bytes.ts';
import { S3BlobStore } from './s3-blob-store.ts';

/** S3's smallest part but the last. */
const PART_BYTES = 8 * 1024 * 1024;

export class S3StreamingBlobStore extends S3BlobStore implements StreamingBlobStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucketName: string,
  ) {
    super(s3, bucketName);
  }

  async open(key: string, contentType: string): Promise<BlobStream> {
    const { UploadId } = await this.s3.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucketName, Key: key, ContentType: contentType }),
    );
    const parts: { ETag: string; PartNumber: number }[] = [];
    let pending: Uint8Array[] = [];
    let size = 0;
    const upload = async () => {
      const body = concatBytes(pending);
      pending = [];
      size = 0;
      const PartNumber = parts.length + 1;
      const { ETag } = await this.s3.send(
        new UploadPartCommand({
          Bucket: this.bucketName,
          Key: key,
          UploadId,
          PartNumber,
          Body: body,
          ContentMD5: createHash('md5').update(body).digest('base64'),
        }),
      );
      parts.push({ ETag: ETag ?? '', PartNumber });
    };
    return {
      write: async (bytes) => {
        pending.push(bytes);
        size += bytes.length;
        if (size >= PART_BYTES) await upload();
      },
      close: async () => {
        if (size > 0 || parts.length === 0) await upload();
        await this.s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: this.bucketName,
            Key: key,
            UploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
      },
      abort: async () => {
        await this.s3.send(new AbortMultipartUploadCommand({ Bucket: this.bucketName, Key: key, UploadId }));
      },
    };
  }
}
