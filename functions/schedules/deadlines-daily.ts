/** Every morning (08:00 China time): the deadline run for today, as `POST /v1/admin/deadlines/run` does it. */

import { logger } from '#kit/logger.ts';
import { deadlinePorts } from '#kit/roots/deadlines.ts';
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { runDeadlines } from '#shared/deadlines/run-deadlines.ts';
import type { DeadlinePorts } from '#shared/ports.ts';

export function createHandler(ports: () => DeadlinePorts) {
  return async (): Promise<{ asOf: string; year: number; notices: number }> => {
    const asOf = chinaDay(ports().clock.now());
    const run = await runDeadlines(ports(), { asOf, dryRun: false });
    logger.info('deadline run done', { asOf, year: run.year, agencies: run.agencies, notices: run.notices.length });
    return { asOf, year: run.year, notices: run.notices.length };
  };
}

export const handler = createHandler(deadlinePorts);
