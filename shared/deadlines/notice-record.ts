/** What is remembered of each notice: one record per agency, year and stage, ever. */

import { NoticeKindSchema } from '#events/deadline-facts.ts';
import * as z from '#shared/zod.ts';

/**
 * `sending`: claimed by one sender (until `leaseUntil`); `failed`: the mail could not be sent, the next
 * delivery may claim it again; `sent` and `noRecipient` are final.
 */
export const NoticeStatusSchema = z.enum(['sending', 'sent', 'failed', 'noRecipient']);
export type NoticeStatus = z.infer<typeof NoticeStatusSchema>;

export const NoticeRecordSchema = z.object({
  agencyId: z.string().check(z.minLength(1)),
  year: z.int(),
  kind: NoticeKindSchema,
  stage: z.string().check(z.minLength(1)),
  to: z.array(z.string()),
  deadline: z.iso.date(),
  /** The day of the run that called for it. */
  asOf: z.iso.date(),
  status: NoticeStatusSchema,
  sentAt: z.nullable(z.iso.datetime()),
  messageId: z.nullable(z.string()),
  leaseUntil: z.nullable(z.iso.datetime()),
  error: z.nullable(z.string()),
});
export type NoticeRecord = z.infer<typeof NoticeRecordSchema>;

export interface NoticeKey {
  readonly agencyId: string;
  readonly stage: string;
}
