/** GET /v1/admin/status?year= — every agency's filing status for a report year, as of today. */

import { httpHandler } from '#kit/http.ts';
import { parseInput } from '#kit/request-input.ts';
import { statusPorts } from '#kit/roots/status.ts';
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { listFilingStatus, type StatusPorts } from '#shared/deadlines/read-status.ts';
import type { Clock } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';

const StatusQuerySchema = z.lazy(() =>
  z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))) }),
);

export function createHandler(ports: () => StatusPorts & { readonly clock: Clock }) {
  return httpHandler(async (request) => {
    const asOf = chinaDay(ports().clock.now());
    const { year } = parseInput(StatusQuerySchema, { year: request.query.year }, 'query');
    const reportYear = year ?? Number(asOf.slice(0, 4)) - 1;
    const agencies = await listFilingStatus(ports(), reportYear, asOf);
    return { status: 200, body: { year: reportYear, asOf, agencies } };
  });
}

export const handler = createHandler(statusPorts);
