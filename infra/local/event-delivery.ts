/**
 * Asynchronous invocations, as EventBridge rules and Scheduler make them: the publisher never waits
 * for the consumer, a failing function is retried with exponential backoff, and an event that
 * exhausts its attempts is parked in a dead-letter list instead of being lost. With a journal, an
 * event is on disk before `deliver` resolves, every target's completion or dead letter is recorded, and
 * `resume` delivers again what an earlier run accepted and never finished.
 */
import { FUNCTION_DEFAULTS, type SubscriptionDecl } from '../declaration.ts';
import type { BusEnvelope } from './event-envelopes.ts';
import type { DeadLetter, EventJournal, UnfinishedEvent } from './event-journal.ts';
import { matchesPattern, patternOfSubscription } from './event-pattern.ts';

export const DEFAULT_MAX_ATTEMPTS = FUNCTION_DEFAULTS.maxAttempts;
/**
 * Rule and schedule targets invoke Lambda asynchronously; a function *error* is retried by Lambda's
 * asynchronous invocation, which allows at most two retries whatever the rule asks for.
 */
export const LAMBDA_MAX_ASYNC_ATTEMPTS = 3;

export type { DeadLetter } from './event-journal.ts';

export type InvokeFunction = (fn: string, event: unknown) => Promise<unknown>;

export interface EventDeliveryOptions {
  readonly subscriptions: readonly SubscriptionDecl<string>[];
  readonly invoke: InvokeFunction;
  /** First retry delay; each further retry doubles it. Lambda waits minutes, locally milliseconds do. */
  readonly retryBaseMs?: number;
  readonly log?: (line: string) => void;
  /** Where accepted events, completions and dead letters are kept across restarts. */
  readonly journal?: EventJournal;
}

export interface EventDelivery {
  /**
   * Routes one bus event to every matching subscription; resolves, with how many will receive it, once
   * the event is durable (journaled), which is when PutEvents may acknowledge it.
   */
  deliver(event: BusEnvelope): Promise<number>;
  /** Delivers again the journaled events an earlier run accepted and did not finish, to their targets. */
  resume(unfinished: readonly UnfinishedEvent[]): number;
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
  const maxAttemptsOf = new Map(options.subscriptions.map((s) => [s.fn, s.maxAttempts]));
  const retryBaseMs = options.retryBaseMs ?? 200;
  const log = options.log ?? (() => {});
  const { journal } = options;
  const dead: DeadLetter[] = [...(journal?.recovered.deadLetters ?? [])];
  let pending = 0;
  let idleWaiters: (() => void)[] = [];

  const settle = (): void => {
    pending -= 1;
    if (pending > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  /** Journal writes after acceptance only report: the event itself is already safe on disk. */
  const record = (write: Promise<void> | undefined): Promise<void> =>
    (write ?? Promise.resolve()).catch((error: unknown) => {
      log(`event journal: ${error instanceof Error ? error.message : String(error)}`);
    });

  const attempt = async (fn: string, event: BusEnvelope, attempts: number, journaled: boolean): Promise<void> => {
    for (let n = 1; ; n += 1) {
      try {
        await options.invoke(fn, event);
        if (journaled) await record(journal?.delivered(event.id, fn));
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${fn} failed on ${event['detail-type']} ${event.id} (attempt ${n}/${attempts}): ${message}`);
        if (n >= attempts) {
          const letter = { fn, event, attempts: n, error: message, failedAt: new Date().toISOString() };
          dead.push(letter);
          await record(journal?.deadLettered(letter));
          return;
        }
        await delay(retryBaseMs * 2 ** (n - 1));
      }
    }
  };

  const start = (fn: string, event: BusEnvelope, maxAttempts: number | undefined, journaled: boolean): void => {
    pending += 1;
    setImmediate(() => {
      attempt(fn, event, attemptsFor(maxAttempts), journaled).finally(settle);
    });
  };

  return {
    async deliver(event) {
      const targets = rules.filter((rule) => matchesPattern(rule.pattern, event)).map((rule) => rule.subscription);
      if (targets.length === 0) return 0;
      // Busy from the first moment, so an event published by a running consumer keeps waitForIdle waiting.
      pending += 1;
      try {
        await journal?.accepted(
          event,
          targets.map((target) => target.fn),
        );
        for (const target of targets) start(target.fn, event, target.maxAttempts, true);
        return targets.length;
      } finally {
        settle();
      }
    },
    resume(unfinished) {
      for (const { event, targets } of unfinished) {
        for (const fn of targets) start(fn, event, maxAttemptsOf.get(fn), true);
      }
      return unfinished.length;
    },
    invokeAsync: (fn, event, maxAttempts) => start(fn, event, maxAttempts, false),
    deadLetters: () => [...dead],
    waitForIdle: () => (pending === 0 ? Promise.resolve() : new Promise((wake) => idleWaiters.push(wake))),
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
