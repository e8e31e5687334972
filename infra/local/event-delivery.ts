/**
 * Delivers bus events to the declared subscriptions: asynchronously (the publisher never waits
 * for consumers, as with EventBridge → Lambda), retried with exponential backoff up to the
 * subscription's maxAttempts, then parked in a dead-letter list instead of being lost.
 */
import type { SubscriptionDecl } from '../declaration.ts';
import type { BusEnvelope } from './event-envelopes.ts';
import { matchesPattern, patternOfSubscription } from './event-pattern.ts';

/**
 * Lambda's asynchronous invocation (how EventBridge calls a function) tries three times unless
 * the rule says otherwise: the first attempt plus two retries.
 */
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface DeadLetter {
  readonly fn: string;
  readonly event: BusEnvelope;
  readonly attempts: number;
  readonly error: string;
  readonly failedAt: string;
}

export type InvokeFunction = (fn: string, event: unknown) => Promise<unknown>;

export interface EventDeliveryOptions {
  readonly subscriptions: readonly SubscriptionDecl<string>[];
  readonly invoke: InvokeFunction;
  /** First retry delay; each further retry doubles it. Lambda waits minutes, locally milliseconds do. */
  readonly retryBaseMs?: number;
  readonly log?: (line: string) => void;
}

export interface EventDelivery {
  /** Routes one event to every matching subscription; returns how many will receive it. */
  deliver(event: BusEnvelope): number;
  deadLetters(): readonly DeadLetter[];
  /** Resolves once no delivery is running or waiting for a retry (events published meanwhile included). */
  waitForIdle(): Promise<void>;
}

export function createEventDelivery(options: EventDeliveryOptions): EventDelivery {
  const rules = options.subscriptions.map((subscription) => ({
    subscription,
    pattern: patternOfSubscription(subscription),
  }));
  const retryBaseMs = options.retryBaseMs ?? 200;
  const log = options.log ?? (() => {});
  const dead: DeadLetter[] = [];
  let pending = 0;
  let idleWaiters: (() => void)[] = [];

  const settle = (): void => {
    pending -= 1;
    if (pending > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  const attempt = async (subscription: SubscriptionDecl<string>, event: BusEnvelope): Promise<void> => {
    const maxAttempts = subscription.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    for (let n = 1; ; n += 1) {
      try {
        await options.invoke(subscription.fn, event);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(
          `${subscription.fn} failed on ${event['detail-type']} ${event.id} (attempt ${n}/${maxAttempts}): ${message}`,
        );
        if (n >= maxAttempts) {
          dead.push({ fn: subscription.fn, event, attempts: n, error: message, failedAt: new Date().toISOString() });
          return;
        }
        await delay(retryBaseMs * 2 ** (n - 1));
      }
    }
  };

  return {
    deliver(event) {
      const matching = rules.filter((rule) => matchesPattern(rule.pattern, event));
      for (const { subscription } of matching) {
        pending += 1;
        setImmediate(() => {
          attempt(subscription, event).finally(settle);
        });
      }
      return matching.length;
    },
    deadLetters: () => [...dead],
    waitForIdle: () => (pending === 0 ? Promise.resolve() : new Promise((wake) => idleWaiters.push(wake))),
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
