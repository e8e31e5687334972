/**
 * The declared schedules as croner jobs in their declared time zones. Each tick invokes the same
 * handler asynchronously with the event EventBridge Scheduler sends (retried and dead-lettered like
 * any async target); `trigger(name)` runs one now and reports how it went, for demos and tests that
 * cannot wait for the first of the month.
 */
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { ScheduleDecl } from '../declaration.ts';
import { toScheduleTiming } from './cron.ts';
import type { InvokeFunction } from './event-delivery.ts';
import { type BusEnvelope, buildScheduledEvent } from './event-envelopes.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './local-aws.ts';

export interface ScheduleRun {
  readonly schedule: string;
  readonly fn: string;
  readonly at: string;
  readonly ok: boolean;
  readonly error?: string;
}

export interface LocalScheduler {
  readonly names: readonly string[];
  /** Runs the schedule's function now and resolves when it finished; throws for an unknown name. */
  trigger(name: string): Promise<ScheduleRun>;
  /** The next planned run of every schedule, for the start-up banner. */
  nextRuns(): Readonly<Record<string, string | null>>;
  stop(): void;
}

export class UnknownScheduleError extends Error {}

export function scheduleArn(name: string): string {
  return `arn:aws:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:schedule/default/${name}`;
}

export interface SchedulerOptions {
  /** Start the cron timers; without them schedules only run when triggered. */
  readonly timers?: boolean;
  readonly log?: (line: string) => void;
}

/** How a schedule reaches its function: on time, asynchronously (retried, dead-lettered); by hand, directly. */
export interface ScheduleTargets {
  readonly invokeAsync: (fn: string, event: BusEnvelope) => void;
  readonly invoke: InvokeFunction;
}

export function startScheduler(
  schedules: Readonly<Record<string, ScheduleDecl<string>>>,
  targets: ScheduleTargets,
  { timers = true, log = () => {} }: SchedulerOptions = {},
): LocalScheduler {
  const scheduledEvent = (name: string, at: Date) => buildScheduledEvent(scheduleArn(name), at, randomUUID());
  const runNow = async (name: string, decl: ScheduleDecl<string>, at: Date): Promise<ScheduleRun> => {
    const base = { schedule: name, fn: decl.fn, at: at.toISOString() };
    try {
      await targets.invoke(decl.fn, scheduledEvent(name, at));
      return { ...base, ok: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`schedule ${name} → ${decl.fn} failed: ${message}`);
      return { ...base, ok: false, error: message };
    }
  };

  // Every expression is converted up front, so one AWS would reject fails at start even without timers.
  const jobs = Object.entries(schedules).map(([name, decl]) => {
    const timing = toScheduleTiming(decl.cron, decl.timezone);
    const tick = (): void => targets.invokeAsync(decl.fn, scheduledEvent(name, new Date()));
    if (timing.kind === 'rate') {
      const timer = timers ? setInterval(tick, timing.everyMs).unref() : undefined;
      return { name, next: () => null, stop: () => clearInterval(timer) };
    }
    // Without a callback croner only evaluates the pattern and schedules nothing.
    const job = timers
      ? new Cron(timing.pattern, { ...timing.options, unref: true }, tick)
      : new Cron(timing.pattern, timing.options);
    return { name, next: () => job.nextRun()?.toISOString() ?? null, stop: () => job.stop() };
  });

  return {
    names: Object.keys(schedules),
    trigger(name) {
      const decl = schedules[name];
      if (!decl) throw new UnknownScheduleError(`no schedule named ${name}`);
      return runNow(name, decl, new Date());
    },
    nextRuns: () => Object.fromEntries(jobs.map((job) => [job.name, job.next()])),
    stop() {
      for (const job of jobs) job.stop();
    },
  };
}
