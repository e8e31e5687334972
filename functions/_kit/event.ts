/**
 * eventHandler(): an EventBridge target parses its envelope with the event's contract and runs once per
 * event. A throw makes EventBridge retry (then dead-letter), so `run` must be safe to repeat.
 */
import type { Context } from 'aws-lambda';
import { type DetailOf, type EventContract, envelopeSchema } from '#events/define-event.ts';
import { logger } from './logger.ts';

export function eventHandler<C extends EventContract>(
  contract: C,
  run: (detail: DetailOf<C>, envelope: { id: string; time: string }) => Promise<void>,
) {
  const schema = envelopeSchema(contract);
  return async (event: unknown, context?: Context): Promise<void> => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) {
      logger.error('event does not match its contract', {
        detailType: contract.detailType,
        issues: parsed.error.issues,
      });
      throw new Error(`event does not match ${contract.source} ${contract.detailType} v${contract.version}`);
    }
    const { id, time } = parsed.data;
    logger.info('event received', { id, detailType: contract.detailType, requestId: context?.awsRequestId });
    await run((parsed.data as { detail: DetailOf<C> }).detail, { id, time });
  };
}
