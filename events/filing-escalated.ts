import * as z from '#shared/zod.ts';
import { DEADLINES_SOURCE, dueNoticeFacts } from './deadline-facts.ts';
import { defineEvent } from './define-event.ts';

/** An agency's report is still missing some days after the deadline; its supervising office is told. */
export const FilingEscalated = defineEvent({
  source: DEADLINES_SOURCE,
  detailType: 'FilingEscalated',
  version: 1,
  producer: 'deadline run (runDeadlines, deadlinesDaily)',
  consumers: ['notice sender (sendNotice)'],
  detail: z.lazy(() =>
    z.object({
      ...dueNoticeFacts(),
      /** The supervising office told; null when the agency has none and its own contacts are told. */
      supervisorId: z.nullable(z.string()),
    }),
  ),
});
export type FilingEscalatedDetail = z.infer<typeof FilingEscalated.detail>;
