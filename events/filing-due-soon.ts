import * as z from '#shared/zod.ts';
import { DEADLINES_SOURCE, dueNoticeFacts } from './deadline-facts.ts';
import { defineEvent } from './define-event.ts';

/** A reminder that an agency's report for the year is due in a few days. */
export const FilingDueSoon = defineEvent({
  source: DEADLINES_SOURCE,
  detailType: 'FilingDueSoon',
  version: 1,
  producer: 'deadline run (runDeadlines, deadlinesDaily)',
  consumers: ['notice sender (sendNotice)'],
  detail: z.lazy(() =>
    z.object({
      ...dueNoticeFacts(),
    }),
  ),
});
export type FilingDueSoonDetail = z.infer<typeof FilingDueSoon.detail>;
