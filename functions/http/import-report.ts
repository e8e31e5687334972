/** POST /v1/admin/imports?agencyId=… — an admin archives an already-published report as it is. */

import { filingQueryOf } from '#kit/filing-query.ts';
import { filingReply } from '#kit/filing-replies.ts';
import { httpHandler } from '#kit/http.ts';
import { readReportFile } from '#kit/report-file.ts';
import { idempotencyKeyOf, parseInput } from '#kit/request-input.ts';
import { filingPorts } from '#kit/roots/filing.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import type { FilingPorts } from '#shared/ports.ts';
import { AgencyIdSchema } from '#shared/registry/agency.ts';

export function createHandler(ports: () => FilingPorts) {
  return httpHandler(async (request) => {
    const { dryRun, amendmentReason, agencyId, publishedOn } = filingQueryOf(request);
    const outcome = await submitReport(ports(), {
      agencyId: parseInput(AgencyIdSchema, agencyId, 'agencyId'),
      file: readReportFile(request),
      idempotencyKey: idempotencyKeyOf(request),
      amendmentReason,
      dryRun,
      imported: true,
      publishedOn,
    });
    return filingReply(outcome);
  });
}

export const handler = createHandler(filingPorts);
