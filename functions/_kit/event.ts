/**
 * eventHandler(): an EventBridge target names the contracts it accepts; each event is parsed once with the
 * contract of its detail-type (the `eventContract` middleware, on middy's core as the HTTP routes are) and
 * handed over as a union discriminated by `detailType`, so a function that takes several kinds switches on
 * it with no cast. A throw makes EventBridge retry (then dead-letter), so `run` must be safe to repeat.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { EventContract, ReceivedEvent } from '#events/define-event.ts';
import { type EventEnvelope, eventContract, parsedEvent } from './middleware/event-contract.ts';

export type { EventEnvelope };

export function eventHandler<const C extends EventContract>(
  contracts: readonly C[],
  run: (event: ReceivedEvent<C>, envelope: EventEnvelope) => Promise<void>,
) {
  // No early-timeout error of middy's: a run that takes too long ends as Lambda ends it, and is retried.
  const handler = middy<unknown, void, Error, Context>({ timeoutEarlyInMillis: 0 })
    .use(eventContract(contracts))
    .handler(async (event) => {
      const { received, envelope } = parsedEvent(event);
      // The middleware parsed the detail with the contract keyed by this detail-type, so it is that contract's.
      await run(received as ReceivedEvent<C>, envelope);
    });
  return (event: unknown, context?: Context): Promise<void> => handler(event, context as Context);
}
