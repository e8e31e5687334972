/** POST /v1/reports — an agency files (or amends, or dry-runs) its report. */
import { filingPorts } from '#kit/deps.ts';
import { filingReply } from '#kit/filing-replies.ts';
import { httpHandler } from '#kit/http.ts';
import { callingAgency } from '#kit/principal.ts';
import { readReportFile } from '#kit/report-file.ts';
import { filingQueryOf, idempotencyKeyOf } from '#kit/request-input.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import type { FilingPorts } from '#shared/ports.ts';

export function createHandler(ports: () => FilingPorts) {
  return httpHandler(async (request) => {
    const agencyId = callingAgency(request.principal);
    const { dryRun, amendmentReason } = filingQueryOf(request);
    const outcome = await submitReport(ports(), {
      agencyId,
      file: readReportFile(request),
      idempotencyKey: idempotencyKeyOf(request),
      amendmentReason,
      dryRun,
      imported: false,
    });
    return filingReply(outcome);
  });
}

export const handler = createHandler(filingPorts);
