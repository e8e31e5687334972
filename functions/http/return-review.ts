/** POST /v1/office/reviews/{submissionId}/return {"reason":"…"} — the office returns a held version to its agency. */

import { httpHandler } from '#kit/http.ts';
import { callingOffice } from '#kit/principal.ts';
import { jsonBodyOf, parseInput } from '#kit/request-input.ts';
import { returnPorts } from '#kit/roots/review-return.ts';
import { type ReturnPorts, returnReview } from '#shared/review/review-filing.ts';
import * as z from '#shared/zod.ts';

const ReturnBodySchema = z.lazy(() =>
  z.strictObject({ reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(2000)) }),
);

export function createHandler(ports: () => ReturnPorts) {
  return httpHandler(async (request) => {
    const office = callingOffice(request.principal);
    const { reason } = parseInput(ReturnBodySchema, jsonBodyOf(request), 'body');
    const submissionId = request.pathParameters.submissionId ?? '';
    return { status: 200, body: await returnReview(ports(), office, submissionId, reason) };
  });
}

export const handler = createHandler(returnPorts);
