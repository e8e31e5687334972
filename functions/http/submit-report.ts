/** POST /v1/reports — an agency files (or amends, or dry-runs) its report. */

import { filingQueryOf } from '#kit/filing-query.ts';
import { filingReply } from '#kit/filing-replies.ts';
import { httpHandler } from '#kit/http.ts';
import { callingAgency } from '#kit/principal.ts';
import { renderedTables, tablesHtmlRequested } from '#kit/rendered-tables.ts';
import { readFiling } from '#kit/report-file.ts';
import { idempotencyKeyOf } from '#kit/request-input.ts';
import { filingPorts } from '#kit/roots/filing.ts';
import { submitReport } from '#shared/filing/submit-report.ts';
import type { FilingPorts } from '#shared/ports.ts';

export function createHandler(ports: () => FilingPorts) {
  return httpHandler(async (request) => {
    const agencyId = callingAgency(request.principal);
    const { dryRun, amendmentReason } = filingQueryOf(request);
    const renderHtml = tablesHtmlRequested(request);
    const { file, explanations } = readFiling(request);
    const outcome = await submitReport(ports(), {
      agencyId,
      file,
      explanations,
      idempotencyKey: idempotencyKeyOf(request),
      amendmentReason,
      dryRun,
      imported: false,
    });
    const reply = filingReply(outcome);
    if (outcome.kind !== 'dryRun' || !renderHtml) return reply;
    return { ...reply, body: { ...(reply.body as object), ...renderedTables(outcome.report, outcome.findings) } };
  });
}

export const handler = createHandler(filingPorts);
