/**
 * S3 "Object Created" in the uploads bucket → the waiting submission is filed from the uploaded bytes.
 * The bucket also stages request bodies (`POST /v1/reports`, imports) until they become versions; their
 * events name no waiting upload and are ignored.
 */
import { S3ObjectCreated } from '#events/index.ts';
import { bucketName } from '#kit/config.ts';
import { eventHandler } from '#kit/event.ts';
import { logger } from '#kit/logger.ts';
import { uploadPorts } from '#kit/roots/filing.ts';
import { receiveUpload } from '#shared/filing/receive-upload.ts';
import type { UploadPorts } from '#shared/ports.ts';

export function createHandler(ports: () => UploadPorts, uploadsBucket: () => string) {
  return eventHandler([S3ObjectCreated], async ({ detail }) => {
    // The rule matches every EventBridge-enabled bucket of the account; only the uploads bucket is ours.
    if (detail.bucket.name !== uploadsBucket()) return;
    const settled = await receiveUpload(ports(), detail.object.key);
    logger.info('upload processed', {
      key: detail.object.key,
      submissionId: settled?.submissionId,
      status: settled?.status ?? 'ignored',
    });
  });
}

export const handler = createHandler(uploadPorts, () => bucketName('uploads'));
