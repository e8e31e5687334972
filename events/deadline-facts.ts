/** Fields the deadline events share: who is due, for which year, by when, and who is told. */
import * as z from '#shared/zod.ts';
import { nonEmptyString } from '#shared/zod-leaves.ts';

export const DEADLINES_SOURCE = 'gongkai.deadlines';

/** The three notices of a filing season, in the order they go out. */
export const NoticeKindSchema = z.lazy(() => z.enum(['dueSoon', 'overdue', 'escalated']));
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

/** The fields the three due-notice details share (a fresh shape for each detail schema that spreads it). */
export const dueNoticeFacts = () => ({
  /** `<detail-type>/<agencyId>/<year>/<stage>`: the same notice always has the same id. */
  eventId: nonEmptyString,
  agencyId: nonEmptyString,
  agencyName: nonEmptyString,
  /** The report year (the deadline falls in the year after). */
  year: z.int(),
  deadline: z.iso.date(),
  /** The day the deadline run looked at the calendar. */
  asOf: z.iso.date(),
  /** Which reminder of the kind: `dueSoon-14`, `dueSoon-3`, `overdue`, `escalated`. One notice per stage, ever. */
  stage: nonEmptyString,
  /** asOf − deadline in days: negative before the deadline. */
  daysFromDeadline: z.int(),
  /** Addresses the notice goes to; empty when nobody is registered (recorded, nothing sent). */
  recipients: z.array(z.email()),
});
