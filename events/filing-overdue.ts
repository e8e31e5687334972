import * as z from '#shared/zod.ts';
import { DEADLINES_SOURCE, dueNoticeFacts } from './deadline-facts.ts';
import { defineEvent } from './define-event.ts';

/** An agency's report for the year was not accepted by its deadline. */
export const FilingOverdue = defineEvent({
  source: DEADLINES_SOURCE,
  detailType: 'FilingOverdue',
  version: 1,
  producer: 'deadline run (runDeadlines, deadlinesDaily)',
  consumers: ['notice sender (sendNotice)'],
  detail: z.lazy(() =>
    z.object({
      ...dueNoticeFacts(),
    }),
  ),
});
export type FilingOverdueDetail = z.infer<typeof FilingOverdue.detail>;
