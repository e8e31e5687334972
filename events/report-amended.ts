import * as z from '#shared/zod.ts';
import { nonEmptyString } from '#shared/zod-leaves.ts';
import { defineEvent } from './define-event.ts';
import { acceptedVersionFacts, FILING_SOURCE } from './filing-facts.ts';

/** A further version (n ≥ 2) of an agency's report for a year was accepted; it supersedes version n − 1. */
export const ReportAmended = defineEvent({
  source: FILING_SOURCE,
  detailType: 'ReportAmended',
  version: 1,
  producer: 'filing service (submitReport, importReport, onUploadCreated, publishPending)',
  consumers: ['public site (indexFiling, then buildAgencyPages)'],
  detail: z.lazy(() =>
    z.object({
      ...acceptedVersionFacts(),
      version: z.number().check(z.int(), z.gte(2)),
      previousVersion: z.number().check(z.int(), z.gte(1)),
      amendmentReason: nonEmptyString,
    }),
  ),
});
export type ReportAmendedDetail = z.infer<typeof ReportAmended.detail>;
