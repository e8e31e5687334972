import * as z from '#shared/zod.ts';
import { isoDateTime, nonEmptyString } from '#shared/zod-leaves.ts';
import { DEADLINES_SOURCE, NoticeKindSchema } from './deadline-facts.ts';
import { defineEvent } from './define-event.ts';

/** A deadline notice left by e-mail (once per agency, year and stage). */
export const NoticeSent = defineEvent({
  source: DEADLINES_SOURCE,
  detailType: 'NoticeSent',
  version: 1,
  producer: 'notice sender (sendNotice)',
  consumers: ['audit trail (the event archive)'],
  detail: z.lazy(() =>
    z.object({
      /** `NoticeSent/<agencyId>/<year>/<stage>`. */
      eventId: nonEmptyString,
      agencyId: nonEmptyString,
      year: z.int(),
      kind: NoticeKindSchema,
      stage: nonEmptyString,
      to: z.array(z.email()).check(z.minLength(1)),
      sentAt: isoDateTime,
      messageId: nonEmptyString,
    }),
  ),
});
export type NoticeSentDetail = z.infer<typeof NoticeSent.detail>;
