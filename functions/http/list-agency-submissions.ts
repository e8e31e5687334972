/**
 * GET /v1/agencies/{agencyId}/submissions?year= — every submission of an agency-year (rejected ones too, with
 * findings): to the agency itself, its supervising office, or an admin.
 */

import { httpHandler } from '#kit/http.ts';
import { pageOf } from '#kit/page-query.ts';
import { authenticatedCaller } from '#kit/principal.ts';
import { reportYearOf } from '#kit/report-year.ts';
import { officePorts } from '#kit/roots/office.ts';
import { listAgencySubmissions, type OfficeViewPorts } from '#shared/office/office-view.ts';
import type { Clock } from '#shared/ports.ts';

export function createHandler(
  ports: () => Pick<OfficeViewPorts, 'agencies' | 'submissions'> & { readonly clock: Clock },
) {
  return httpHandler(async (request) => {
    const caller = authenticatedCaller(request.principal);
    const { year } = reportYearOf(request, ports().clock);
    const agencyId = request.pathParameters.agencyId ?? '';
    return { status: 200, body: await listAgencySubmissions(ports(), caller, agencyId, year, pageOf(request)) };
  });
}

export const handler = createHandler(officePorts);
