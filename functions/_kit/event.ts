/**
 * eventHandler(): an EventBridge target names the contracts it accepts; each event is parsed once with the
 * contract of its detail-type and handed over as a union discriminated by `detailType`, so a function that
 * takes several kinds switches on it with no cast. A throw makes EventBridge retry (then dead-letter), so
 * `run` must be safe to repeat.
 */
import type { Context } from 'aws-lambda';
import { type EventContract, envelopeSchema, type ReceivedEvent } from '#events/define-event.ts';
import { logger } from './logger.ts';

export interface EventEnvelope {
  readonly id: string;
  readonly time: string;
}

export function eventHandler<const C extends EventContract>(
  contracts: readonly C[],
  run: (event: ReceivedEvent<C>, envelope: EventEnvelope) => Promise<void>,
) {
  const schemas = new Map(contracts.map((contract) => [contract.detailType, envelopeSchema(contract)]));
  return async (event: unknown, context?: Context): Promise<void> => {
    const detailType = typeof event === 'object' && event !== null ? Reflect.get(event, 'detail-type') : undefined;
    const schema = typeof detailType === 'string' ? schemas.get(detailType) : undefined;
    if (schema === undefined) {
      logger.error('event of a detail-type this function does not accept', { detailType });
      throw new Error(`this function does not handle ${String(detailType)} (only ${[...schemas.keys()].join(', ')})`);
    }
    const parsed = schema.safeParse(event);
    if (!parsed.success) {
      logger.error('event does not match its contract', { detailType, issues: parsed.error.issues });
      throw new Error(`event does not match its ${String(detailType)} contract`);
    }
    const { id, time, detail } = parsed.data as { id: string; time: string; detail: unknown };
    logger.info('event received', { id, detailType, requestId: context?.awsRequestId });
    // The schema is the one keyed by this detail-type, so the detail is that contract's.
    await run({ detailType, detail } as ReceivedEvent<C>, { id, time });
  };
}
