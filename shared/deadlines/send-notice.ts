/**
 * Sends one deadline notice by e-mail, once per agency, year and stage, ever: the record is claimed with a
 * conditional write before the mail goes out, so two runs of the same day (or a redelivered event) send
 * once. A failed send marks the record `failed` and throws, so the bus retries and then dead-letters.
 */
import type { NoticeKind } from '#events/deadline-facts.ts';
import type { ReceivedEvent } from '#events/define-event.ts';
import type { FilingDueSoon } from '#events/filing-due-soon.ts';
import type { FilingEscalated } from '#events/filing-escalated.ts';
import type { FilingOverdue } from '#events/filing-overdue.ts';
import { NoticeSent } from '#events/notice-sent.ts';
import type { NoticePorts } from '#shared/ports.ts';
import { composeNotice } from './notice-message.ts';
import type { NoticeRecord } from './notice-record.ts';

/** Longer than a send takes; a sender that died while holding a claim gives it up after this. */
const CLAIM_LEASE_MS = 5 * 60_000;

/** A deadline event as its contract parsed it (once, by the event handler), told apart by detail-type. */
export type DueNoticeEvent = ReceivedEvent<typeof FilingDueSoon | typeof FilingOverdue | typeof FilingEscalated>;

const NOTICE_KIND = {
  FilingDueSoon: 'dueSoon',
  FilingOverdue: 'overdue',
  FilingEscalated: 'escalated',
} as const satisfies Record<DueNoticeEvent['detailType'], NoticeKind>;

export type NoticeOutcome = 'sent' | 'alreadyHandled' | 'noRecipient';

export async function sendNotice(ports: NoticePorts, event: DueNoticeEvent): Promise<NoticeOutcome> {
  const notice = event.detail;
  const kind = NOTICE_KIND[event.detailType];
  const supervisorId = event.detailType === 'FilingEscalated' ? event.detail.supervisorId : null;
  const now = ports.clock.now();
  const claim: NoticeRecord = {
    agencyId: notice.agencyId,
    year: notice.year,
    kind,
    stage: notice.stage,
    to: [...notice.recipients],
    deadline: notice.deadline,
    asOf: notice.asOf,
    status: 'sending',
    sentAt: null,
    messageId: null,
    leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
    error: null,
  };
  if (!(await ports.notices.claim(claim, now.toISOString()))) {
    await republishIfSent(ports, notice);
    return 'alreadyHandled';
  }
  if (notice.recipients.length === 0) {
    await ports.notices.save({ ...claim, status: 'noRecipient', leaseUntil: null });
    return 'noRecipient';
  }
  let messageId: string;
  try {
    ({ messageId } = await ports.mailer.send(composeNotice({ ...notice, kind, supervisorId }, ports.config.siteUrl)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await ports.notices.save({ ...claim, status: 'failed', leaseUntil: null, error: message.slice(0, 500) });
    throw error;
  }
  const sent: NoticeRecord = {
    ...claim,
    status: 'sent',
    sentAt: ports.clock.now().toISOString(),
    messageId,
    leaseUntil: null,
  };
  await ports.notices.save(sent);
  await publishSent(ports, sent);
  return 'sent';
}

/**
 * A delivery that finds its notice already sent publishes NoticeSent again (same eventId): if the first
 * sender died between the mail and the event, the retry still announces it, and never mails twice.
 */
async function republishIfSent(ports: NoticePorts, notice: DueNoticeEvent['detail']): Promise<void> {
  const [stored] = await ports.notices.getMany(notice.year, [{ agencyId: notice.agencyId, stage: notice.stage }]);
  if (stored?.status === 'sent') await publishSent(ports, stored);
}

async function publishSent(ports: NoticePorts, record: NoticeRecord): Promise<void> {
  if (record.sentAt === null || record.messageId === null) return;
  await ports.events.publish(NoticeSent, {
    eventId: `NoticeSent/${record.agencyId}/${record.year}/${record.stage}`,
    agencyId: record.agencyId,
    year: record.year,
    kind: record.kind,
    stage: record.stage,
    to: record.to,
    sentAt: record.sentAt,
    messageId: record.messageId,
  });
}
