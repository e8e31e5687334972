import * as z from '#shared/zod.ts';
import { nonEmptyString, nonNegativeInteger } from '#shared/zod-leaves.ts';
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
  detail: z.lazy(() =>
    z.looseObject({
      bucket: z.looseObject({ name: nonEmptyString }),
      object: z.looseObject({
        key: nonEmptyString,
        size: z.optional(nonNegativeInteger),
        etag: z.optional(z.string()),
      }),
      reason: z.optional(z.string()),
    }),
  ),
});
export type S3ObjectCreatedDetail = z.infer<typeof S3ObjectCreated.detail>;
