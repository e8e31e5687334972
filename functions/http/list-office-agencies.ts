/** GET /v1/office/agencies?year=&limit=&cursor= — the office's agencies (its region's subtree) and their filing status. */

import { httpHandler } from '#kit/http.ts';
import { pageOf } from '#kit/page-query.ts';
import { callingOffice } from '#kit/principal.ts';
import { reportYearOf } from '#kit/report-year.ts';
import { officePorts } from '#kit/roots/office.ts';
import { listOfficeAgencies, type OfficeViewPorts } from '#shared/office/office-view.ts';
import type { Clock } from '#shared/ports.ts';

export function createHandler(ports: () => Omit<OfficeViewPorts, 'submissions'> & { readonly clock: Clock }) {
  return httpHandler(async (request) => {
    const office = callingOffice(request.principal);
    const { year, asOf } = reportYearOf(request, ports().clock);
    return { status: 200, body: await listOfficeAgencies(ports(), office, year, asOf, pageOf(request)) };
  });
}

export const handler = createHandler(officePorts);
