/** What is remembered of each notice: one record per agency, year and stage, ever. */

import { NoticeKindSchema } from '#events/deadline-facts.ts';
import * as z from '#shared/zod.ts';
import { nonEmptyString, nullableIsoDateTime, nullableString } from '#shared/zod-leaves.ts';

/**
 * `sending`: claimed by one sender (until `leaseUntil`); `failed`: the mail could not be sent, the next
 * delivery may claim it again; `sent` and `noRecipient` are final.
 */
export const NoticeStatusSchema = z.lazy(() => z.enum(['sending', 'sent', 'failed', 'noRecipient']));
export type NoticeStatus = z.infer<typeof NoticeStatusSchema>;

export const NoticeRecordSchema = z.lazy(() =>
  z.object({
    agencyId: nonEmptyString,
    year: z.int(),
    kind: NoticeKindSchema,
    stage: nonEmptyString,
    to: z.array(z.string()),
    deadline: z.iso.date(),
    /** The day of the run that called for it. */
    asOf: z.iso.date(),
    status: NoticeStatusSchema,
    sentAt: nullableIsoDateTime,
    messageId: nullableString,
    leaseUntil: nullableIsoDateTime,
    error: nullableString,
  }),
);
export type NoticeRecord = z.infer<typeof NoticeRecordSchema>;

export interface NoticeKey {
  readonly agencyId: string;
  readonly stage: string;
}
