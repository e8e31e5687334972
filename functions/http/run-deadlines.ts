/** POST /v1/admin/deadlines/run {"asOf":"YYYY-MM-DD","dryRun":false} — the daily run for any day, on demand. */

import { httpHandler } from '#kit/http.ts';
import { jsonBodyOf, parseInput } from '#kit/request-input.ts';
import { deadlinePorts } from '#kit/roots/deadlines.ts';
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { runDeadlines } from '#shared/deadlines/run-deadlines.ts';
import type { DeadlinePorts } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';

const RunBodySchema = z.lazy(() =>
  z.strictObject({ asOf: z.optional(z.iso.date()), dryRun: z._default(z.boolean(), false) }),
);

export function createHandler(ports: () => DeadlinePorts) {
  return httpHandler(async (request) => {
    const body = parseInput(RunBodySchema, jsonBodyOf(request, { optional: true }), 'body');
    const asOf = body.asOf ?? chinaDay(ports().clock.now());
    return { status: 200, body: await runDeadlines(ports(), { asOf, dryRun: body.dryRun }) };
  });
}

export const handler = createHandler(deadlinePorts);
