/** POST /v1/uploads — opens a submission for a large file and returns the presigned POST to send it with. */

import { httpHandler } from '#kit/http.ts';
import { callingAgency } from '#kit/principal.ts';
import { idempotencyKeyOf, jsonBodyOf, parseInput } from '#kit/request-input.ts';
import { openUploadPorts } from '#kit/roots/open-upload.ts';
import { openUpload } from '#shared/filing/open-upload.ts';
import * as z from '#shared/zod.ts';

const UploadRequestSchema = z.lazy(() =>
  z.object({
    contentType: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    fileName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(255))),
    amendmentReason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))),
  }),
);

export function createHandler(ports: () => Parameters<typeof openUpload>[0]) {
  return httpHandler(async (request) => {
    const body = parseInput(UploadRequestSchema, jsonBodyOf(request, { optional: true }), 'body');
    const opened = await openUpload(ports(), {
      agencyId: callingAgency(request.principal),
      contentType: body.contentType ?? null,
      fileName: body.fileName ?? null,
      amendmentReason: body.amendmentReason ?? null,
      idempotencyKey: idempotencyKeyOf(request),
    });
    return {
      status: 201,
      body: {
        submissionId: opened.submission.submissionId,
        status: opened.submission.status,
        // A form POST: `fields` in order, then the file as the last field, `file`; S3 checks type and size.
        upload: opened.upload ? { method: 'POST', url: opened.upload.url, fields: opened.upload.fields } : null,
        maxBytes: opened.maxBytes,
        expiresInSeconds: opened.expiresInSeconds,
        poll: `/v1/submissions/${opened.submission.submissionId}`,
      },
    };
  });
}

export const handler = createHandler(openUploadPorts);
