/** GET /v1/admin/status?year= — every agency's filing status for a report year, as of today. */
import * as z from 'zod';
import { httpHandler } from '#kit/http.ts';
import { parseInput } from '#kit/request-input.ts';
import { statusPorts } from '#kit/roots/status.ts';
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { listFilingStatus, type StatusPorts } from '#shared/deadlines/read-status.ts';
import type { Clock } from '#shared/ports.ts';

const StatusQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

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
