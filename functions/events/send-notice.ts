/**
 * FilingDueSoon / FilingOverdue / FilingEscalated → one e-mail, once. A throw (mail service down) makes
 * EventBridge retry and then dead-letter; the notice record keeps a repeated delivery from sending twice.
 */
import { FilingDueSoon } from '#events/filing-due-soon.ts';
import { FilingEscalated } from '#events/filing-escalated.ts';
import { FilingOverdue } from '#events/filing-overdue.ts';
import { eventHandler } from '#kit/event.ts';
import { logger } from '#kit/logger.ts';
import { noticePorts } from '#kit/roots/notices.ts';
import { sendNotice } from '#shared/deadlines/send-notice.ts';
import type { NoticePorts } from '#shared/ports.ts';

export function createHandler(ports: () => NoticePorts) {
  return eventHandler([FilingDueSoon, FilingOverdue, FilingEscalated], async (event, envelope) => {
    const outcome = await sendNotice(ports(), event);
    const { agencyId, year, stage } = event.detail;
    logger.info('notice handled', { id: envelope.id, agencyId, year, stage, outcome });
  });
}

export const handler = createHandler(noticePorts);
