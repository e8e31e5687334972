/**
 * FilingDueSoon / FilingOverdue / FilingEscalated → one e-mail, once. A throw (mail service down) makes
 * EventBridge retry and then dead-letter; the notice record keeps a repeated delivery from sending twice.
 */
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { logger } from '#kit/logger.ts';
import { noticePorts } from '#kit/roots/notices.ts';
import { dueNoticeFrom } from '#shared/deadlines/due-notice-events.ts';
import { sendNotice } from '#shared/deadlines/send-notice.ts';
import type { NoticePorts } from '#shared/ports.ts';

const EnvelopeSchema = z.object({ id: z.string(), 'detail-type': z.string(), detail: z.unknown() });

export function createHandler(ports: () => NoticePorts) {
  return async (event: unknown, context?: Context): Promise<void> => {
    const envelope = EnvelopeSchema.parse(event);
    const notice = dueNoticeFrom(envelope['detail-type'], envelope.detail);
    if (notice === null) throw new Error(`sendNotice does not handle ${envelope['detail-type']}`);
    const outcome = await sendNotice(ports(), notice);
    logger.info('notice handled', {
      id: envelope.id,
      requestId: context?.awsRequestId,
      agencyId: notice.agencyId,
      year: notice.year,
      stage: notice.stage,
      outcome,
    });
  };
}

export const handler = createHandler(noticePorts);
