import * as z from 'zod';
import { defineEvent } from './define-event.ts';

/**
 * S3's own EventBridge notification for a new object (consumed, not produced: AWS owns the shape, so the
 * schema is loose and reads only what the filing service needs).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
export const S3ObjectCreated = defineEvent({
  source: 'aws.s3',
  detailType: 'Object Created',
  version: 0,
  producer: 'Amazon S3 (uploads bucket, EventBridge notifications on)',
  consumers: ['filing service (onUploadCreated)'],
  detail: z.looseObject({
    bucket: z.looseObject({ name: z.string().min(1) }),
    object: z.looseObject({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      etag: z.string().optional(),
    }),
    reason: z.string().optional(),
  }),
});
export type S3ObjectCreatedDetail = z.infer<typeof S3ObjectCreated.detail>;
