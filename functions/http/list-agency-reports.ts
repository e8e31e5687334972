/** GET /v1/agencies/{agencyId}/reports — an agency's report versions (its own; an admin may read any). */

import { httpHandler } from '#kit/http.ts';
import { pageOf } from '#kit/page-query.ts';
import { authenticatedCaller } from '#kit/principal.ts';
import { filingReadPorts } from '#kit/roots/filing-read.ts';
import { listAgencyReports } from '#shared/filing/read-filings.ts';
import type { FilingPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<FilingPorts, 'versions' | 'agencies'>) {
  return httpHandler(async (request) => {
    const caller = authenticatedCaller(request.principal);
    const agencyId = request.pathParameters.agencyId ?? '';
    return { status: 200, body: await listAgencyReports(ports(), caller, agencyId, pageOf(request)) };
  });
}

export const handler = createHandler(filingReadPorts);
