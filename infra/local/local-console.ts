/**
 * `/_local/…`: what a developer needs to see what AWS would hide in consoles — the mail the system
 * sent, the events that ran out of retries, and a button for every schedule.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeadLetter } from './event-delivery.ts';
import type { ConsoleHandler } from './http-gateway.ts';
import { sendJson } from './http-io.ts';
import type { QueueDeadLetter } from './queue-consumer.ts';
import { type ScheduleRun, UnknownScheduleError } from './scheduler.ts';

export interface LocalConsoleSources {
  readonly inbox: () => Promise<unknown[]>;
  readonly deadLetters: () => readonly (DeadLetter | QueueDeadLetter)[];
  readonly scheduleNames: readonly string[];
  readonly nextRuns: () => Readonly<Record<string, string | null>>;
  readonly triggerSchedule: (name: string) => Promise<ScheduleRun>;
}

export const CONSOLE_PATHS = {
  mail: '/_local/mail',
  deadLetters: '/_local/dead-letters',
  schedules: '/_local/schedules',
} as const;

export function createLocalConsole(sources: LocalConsoleSources): ConsoleHandler {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const method = req.method ?? 'GET';
    if (method === 'GET' && (path === '/_local/' || path === '/_local')) {
      sendJson(res, 200, { ...CONSOLE_PATHS, trigger: `POST ${CONSOLE_PATHS.schedules}/<name>` });
      return true;
    }
    if (method === 'GET' && path === CONSOLE_PATHS.mail) {
      sendJson(res, 200, { emails: await sources.inbox() });
      return true;
    }
    if (method === 'GET' && path === CONSOLE_PATHS.deadLetters) {
      sendJson(res, 200, { deadLetters: sources.deadLetters() });
      return true;
    }
    if (method === 'GET' && path === CONSOLE_PATHS.schedules) {
      sendJson(res, 200, { schedules: sources.scheduleNames, nextRuns: sources.nextRuns() });
      return true;
    }
    const scheduleName = path.startsWith(`${CONSOLE_PATHS.schedules}/`)
      ? path.slice(CONSOLE_PATHS.schedules.length + 1)
      : undefined;
    if (method === 'POST' && scheduleName) {
      await triggerSchedule(res, sources, scheduleName);
      return true;
    }
    return false;
  };
}

async function triggerSchedule(res: ServerResponse, sources: LocalConsoleSources, name: string): Promise<void> {
  try {
    const run = await sources.triggerSchedule(name);
    sendJson(res, run.ok ? 200 : 500, run);
  } catch (error) {
    if (!(error instanceof UnknownScheduleError)) throw error;
    sendJson(res, 404, {
      error: { code: 'SCHEDULE_NOT_FOUND', message: { zh: `没有名为 ${name} 的定时任务`, en: error.message } },
    });
  }
}
