/** POST /v1/admin/deadlines/run {"asOf":"YYYY-MM-DD","dryRun":false} — the daily run for any day, on demand. */
import * as z from 'zod';
import { httpHandler } from '#kit/http.ts';
import { jsonBodyOf, parseInput } from '#kit/request-input.ts';
import { deadlinePorts } from '#kit/roots/deadlines.ts';
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { runDeadlines } from '#shared/deadlines/run-deadlines.ts';
import type { DeadlinePorts } from '#shared/ports.ts';

const RunBodySchema = z.strictObject({ asOf: z.iso.date().optional(), dryRun: z.boolean().default(false) });

export function createHandler(ports: () => DeadlinePorts) {
  return httpHandler(async (request) => {
    const body = parseInput(RunBodySchema, jsonBodyOf(request, { optional: true }), 'body');
    const asOf = body.asOf ?? chinaDay(ports().clock.now());
    return { status: 200, body: await runDeadlines(ports(), { asOf, dryRun: body.dryRun }) };
  });
}

export const handler = createHandler(deadlinePorts);
