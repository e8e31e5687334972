import * as z from '#shared/zod.ts';
import { integer, isoDateTime, nonEmptyString, nonNegativeInteger, sha256Hex } from '#shared/zod-leaves.ts';
import { defineEvent } from './define-event.ts';
import { FILING_SOURCE, OriginalRefSchema } from './filing-facts.ts';

/**
 * A stored submission was rejected: rule errors, or (for presigned uploads, which have no one to answer at
 * once) an unreadable file, a file naming another agency, or an amendment without a reason.
 */
export const SubmissionRejected = defineEvent({
  source: FILING_SOURCE,
  detailType: 'SubmissionRejected',
  version: 1,
  producer: 'filing service (submitReport, onUploadCreated, publishPending)',
  consumers: ['deadline tracking (planned)'],
  detail: z.lazy(() =>
    z.object({
      /** Deterministic (`SubmissionRejected/<submissionId>`) for de-duplication. */
      eventId: nonEmptyString,
      submissionId: nonEmptyString,
      agencyId: nonEmptyString,
      agencyName: nonEmptyString,
      /** Null when the file could not be read far enough to know the year. */
      year: z.nullable(integer),
      sha256: sha256Hex,
      original: OriginalRefSchema,
      rejectedAt: isoDateTime,
      reason: z.enum(['findings', 'unreadable', 'agencyMismatch', 'amendmentReasonRequired']),
      /** Rule codes of the error findings, or the one error code of an unreadable or mismatched file. */
      errorCodes: z.array(z.string()),
      errorCount: nonNegativeInteger,
    }),
  ),
});
export type SubmissionRejectedDetail = z.infer<typeof SubmissionRejected.detail>;
