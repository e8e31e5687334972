/** POST /v1/office/reviews/{submissionId}/accept — the office accepts a held version; it becomes public. */

import { httpHandler } from '#kit/http.ts';
import { callingOffice } from '#kit/principal.ts';
import { acceptPorts } from '#kit/roots/review-accept.ts';
import { type AcceptPorts, acceptReview } from '#shared/review/review-filing.ts';

export function createHandler(ports: () => AcceptPorts) {
  return httpHandler(async (request) => {
    const office = callingOffice(request.principal);
    const submissionId = request.pathParameters.submissionId ?? '';
    return { status: 200, body: await acceptReview(ports(), office, submissionId) };
  });
}

export const handler = createHandler(acceptPorts);
