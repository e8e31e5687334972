/** How a filing outcome answers over HTTP (shared by POST /v1/reports and POST /v1/admin/imports). */
import { findingRules, keyedFindings, toReceipt } from '#shared/filing/receipt.ts';
import type { Submission } from '#shared/filing/records.ts';
import type { SubmitOutcome } from '#shared/filing/submit-report.ts';
import type { HttpReply } from './http.ts';
import { logger } from './logger.ts';

const STATUS_BY_OUTCOME: Readonly<Record<Submission['status'], number>> = {
  accepted: 201,
  rejected: 422,
  processing: 202,
};

export function filingReply(outcome: SubmitOutcome): HttpReply {
  switch (outcome.kind) {
    case 'dryRun':
      return {
        status: 200,
        body: {
          dryRun: true,
          hasErrors: outcome.hasErrors,
          currentVersion: outcome.currentVersion,
          findings: keyedFindings(outcome.findings),
          explanations: outcome.explanations,
          rules: findingRules(outcome.findings),
          report: outcome.report,
        },
      };
    case 'replay':
      return { status: 200, body: toReceipt(outcome.submission) };
    case 'filed':
      if (outcome.publishError !== undefined) {
        logger.warn('event left to the sweep', {
          submissionId: outcome.submission.submissionId,
          error: outcome.publishError as Error,
        });
      }
      return { status: STATUS_BY_OUTCOME[outcome.submission.status], body: toReceipt(outcome.submission) };
  }
}
