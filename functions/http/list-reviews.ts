/** GET /v1/office/reviews?limit=&cursor= — the versions awaiting the office's review, in its region's subtree. */

import { httpHandler } from '#kit/http.ts';
import { pageOf } from '#kit/page-query.ts';
import { callingOffice } from '#kit/principal.ts';
import { reviewPorts } from '#kit/roots/review.ts';
import type { ReviewPorts } from '#shared/review/review-filing.ts';
import { listAwaitingReview } from '#shared/review/review-queue.ts';

export function createHandler(ports: () => ReviewPorts) {
  return httpHandler(async (request) => {
    const office = callingOffice(request.principal);
    return { status: 200, body: await listAwaitingReview(ports(), office, pageOf(request)) };
  });
}

export const handler = createHandler(reviewPorts);
