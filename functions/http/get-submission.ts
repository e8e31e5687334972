/** GET /v1/submissions/{submissionId} — a receipt, for its own agency or an admin. */

import { httpHandler } from '#kit/http.ts';
import { authenticatedCaller } from '#kit/principal.ts';
import { filingReadPorts } from '#kit/roots/filing-read.ts';
import { getSubmission } from '#shared/filing/read-filings.ts';
import type { FilingPorts } from '#shared/ports.ts';

export function createHandler(ports: () => Pick<FilingPorts, 'submissions' | 'agencies'>) {
  return httpHandler(async (request) => {
    const caller = authenticatedCaller(request.principal);
    const receipt = await getSubmission(ports(), caller, request.pathParameters.submissionId ?? '');
    return { status: 200, body: receipt };
  });
}

export const handler = createHandler(filingReadPorts);
