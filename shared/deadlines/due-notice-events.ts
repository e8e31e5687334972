/** The three deadline events the notice sender listens to, read back into one `DueNotice`. */
import type { NoticeKind } from '#events/deadline-facts.ts';
import type { EventContract } from '#events/define-event.ts';
import { FilingDueSoon, FilingEscalated, FilingOverdue } from '#events/index.ts';
import type { DueNotice } from './send-notice.ts';

export const DUE_NOTICE_EVENTS: Readonly<Record<string, { contract: EventContract; kind: NoticeKind }>> = {
  [FilingDueSoon.detailType]: { contract: FilingDueSoon, kind: 'dueSoon' },
  [FilingOverdue.detailType]: { contract: FilingOverdue, kind: 'overdue' },
  [FilingEscalated.detailType]: { contract: FilingEscalated, kind: 'escalated' },
};

/** Null for any other detail-type; throws (zod) when the detail breaks its contract. */
export function dueNoticeFrom(detailType: string, detail: unknown): DueNotice | null {
  const known = DUE_NOTICE_EVENTS[detailType];
  if (known === undefined) return null;
  const parsed = known.contract.detail.parse(detail);
  const facts = FilingDueSoon.detail.parse(parsed);
  const supervisorId = FilingEscalated.detail.shape.supervisorId.safeParse(
    (parsed as { supervisorId?: unknown }).supervisorId,
  );
  return {
    kind: known.kind,
    stage: facts.stage,
    agencyId: facts.agencyId,
    agencyName: facts.agencyName,
    year: facts.year,
    deadline: facts.deadline,
    asOf: facts.asOf,
    daysFromDeadline: facts.daysFromDeadline,
    recipients: facts.recipients,
    supervisorId: supervisorId.success ? supervisorId.data : null,
  };
}
