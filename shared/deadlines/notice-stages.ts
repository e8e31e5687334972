/**
 * The notices of a filing season as stages on the calendar: a `dueSoon` per configured reminder, then
 * `overdue`, then `escalated`. On any day at most one stage is current (the latest one reached), so a run
 * that missed days catches up with the notice that matters now instead of sending every earlier one.
 */
import type { NoticeKind } from '#events/deadline-facts.ts';
import { addDays } from './calendar.ts';
import type { ReminderOffsets } from './config.ts';

export interface NoticeStage {
  readonly kind: NoticeKind;
  /** Unique within an agency-year: `dueSoon-14`, `dueSoon-3`, `overdue`, `escalated`. */
  readonly stage: string;
  /** Days from the deadline to the day the stage begins (negative before the deadline). */
  readonly offsetDays: number;
}

export function noticeStages(reminders: ReminderOffsets): NoticeStage[] {
  const dueSoon = [...new Set(reminders.dueSoonDays)].map(
    (days): NoticeStage => ({ kind: 'dueSoon', stage: `dueSoon-${days}`, offsetDays: -days }),
  );
  const after: NoticeStage[] = [
    { kind: 'overdue', stage: 'overdue', offsetDays: reminders.overdueAfterDays },
    { kind: 'escalated', stage: 'escalated', offsetDays: reminders.escalateAfterDays },
  ];
  return [...dueSoon, ...after].sort((a, b) => a.offsetDays - b.offsetDays);
}

/** The stage in force on `asOf` for a deadline, or null before the first reminder. */
export function currentStage(deadline: string, asOf: string, reminders: ReminderOffsets): NoticeStage | null {
  let current: NoticeStage | null = null;
  for (const stage of noticeStages(reminders)) {
    if (addDays(deadline, stage.offsetDays) <= asOf) current = stage;
  }
  return current;
}
