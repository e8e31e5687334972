/**
 * An EventBridge event checked against the contract of its detail-type before the function runs: an event of
 * a kind the function does not accept, or one its contract refuses, throws (EventBridge retries, then
 * dead-letters) and is logged with what was wrong.
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type EventContract, envelopeSchema } from '#events/define-event.ts';
import { logger } from '../logger.ts';

export interface EventEnvelope {
  readonly id: string;
  readonly time: string;
}

interface Parsed {
  readonly received: { readonly detailType: string; readonly detail: unknown };
  readonly envelope: EventEnvelope;
}

const parsed = new WeakMap<object, Parsed>();

export function eventContract(contracts: readonly EventContract[]): middy.MiddlewareObj<unknown, void, Error, Context> {
  const schemas = new Map(contracts.map((contract) => [contract.detailType, envelopeSchema(contract)]));
  return {
    before: ({ event, context }) => {
      const detailType = typeof event === 'object' && event !== null ? Reflect.get(event, 'detail-type') : undefined;
      const schema = typeof detailType === 'string' ? schemas.get(detailType) : undefined;
      if (schema === undefined) {
        logger.error('event of a detail-type this function does not accept', { detailType });
        throw new Error(`this function does not handle ${String(detailType)} (only ${[...schemas.keys()].join(', ')})`);
      }
      const result = schema.safeParse(event);
      if (!result.success) {
        logger.error('event does not match its contract', { detailType, issues: result.error.issues });
        throw new Error(`event does not match its ${String(detailType)} contract`);
      }
      const { id, time, detail } = result.data as { id: string; time: string; detail: unknown };
      logger.info('event received', { id, detailType, requestId: context?.awsRequestId });
      parsed.set(event as object, { received: { detailType: detailType as string, detail }, envelope: { id, time } });
    },
  };
}

/** What `eventContract` read from this event. */
export function parsedEvent(event: unknown): Parsed {
  const found = parsed.get(event as object);
  if (found === undefined) throw new Error('the event was not checked against its contract');
  return found;
}
