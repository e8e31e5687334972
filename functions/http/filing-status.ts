/** GET /v1/admin/status?year= — every agency's filing status for a report year, as of today. */

import { httpHandler } from '#kit/http.ts';
import { reportYearOf } from '#kit/report-year.ts';
import { statusPorts } from '#kit/roots/status.ts';
import { listFilingStatus, type StatusPorts } from '#shared/deadlines/read-status.ts';
import type { Clock } from '#shared/ports.ts';

export function createHandler(ports: () => StatusPorts & { readonly clock: Clock }) {
  return httpHandler(async (request) => {
    const { year, asOf } = reportYearOf(request, ports().clock);
    const agencies = await listFilingStatus(ports(), year, asOf);
    return { status: 200, body: { year, asOf, agencies } };
  });
}

export const handler = createHandler(statusPorts);
