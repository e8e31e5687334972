/**
 * Asynchronous invocations, as EventBridge rules and Scheduler make them: the publisher never waits
 * for the consumer, a failing function is retried with exponential backoff, and an event that
 * exhausts its attempts is parked in a dead-letter list instead of being lost.
 */
import { FUNCTION_DEFAULTS, type SubscriptionDecl } from '../declaration.ts';
import type { BusEnvelope } from './event-envelopes.ts';
import { matchesPattern, patternOfSubscription } from './event-pattern.ts';

export const DEFAULT_MAX_ATTEMPTS = FUNCTION_DEFAULTS.maxAttempts;
/**
 * Rule and schedule targets invoke Lambda asynchronously; a function *error* is retried by Lambda's
 * asynchronous invocation, which allows at most two retries whatever the rule asks for.
 */
export const LAMBDA_MAX_ASYNC_ATTEMPTS = 3;

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
  /** Routes one bus event to every matching subscription; returns how many will receive it. */
  deliver(event: BusEnvelope): number;
  /** Invokes one function asynchronously (a schedule's target), with the same retries and dead letters. */
  invokeAsync(fn: string, event: BusEnvelope, maxAttempts?: number): void;
  deadLetters(): readonly DeadLetter[];
  /** Resolves once no invocation is running or waiting for a retry (events published meanwhile included). */
  waitForIdle(): Promise<void>;
}

export function attemptsFor(maxAttempts: number | undefined): number {
  return Math.min(maxAttempts ?? DEFAULT_MAX_ATTEMPTS, LAMBDA_MAX_ASYNC_ATTEMPTS);
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

  const attempt = async (fn: string, event: BusEnvelope, attempts: number): Promise<void> => {
    for (let n = 1; ; n += 1) {
      try {
        await options.invoke(fn, event);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${fn} failed on ${event['detail-type']} ${event.id} (attempt ${n}/${attempts}): ${message}`);
        if (n >= attempts) {
          dead.push({ fn, event, attempts: n, error: message, failedAt: new Date().toISOString() });
          return;
        }
        await delay(retryBaseMs * 2 ** (n - 1));
      }
    }
  };

  const invokeAsync = (fn: string, event: BusEnvelope, maxAttempts?: number): void => {
    pending += 1;
    setImmediate(() => {
      attempt(fn, event, attemptsFor(maxAttempts)).finally(settle);
    });
  };

  return {
    deliver(event) {
      const matching = rules.filter((rule) => matchesPattern(rule.pattern, event));
      for (const { subscription } of matching) invokeAsync(subscription.fn, event, subscription.maxAttempts);
      return matching.length;
    },
    invokeAsync,
    deadLetters: () => [...dead],
    waitForIdle: () => (pending === 0 ? Promise.resolve() : new Promise((wake) => idleWaiters.push(wake))),
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
