import * as z from '#shared/zod.ts';
import { nullableIsoDateTime, nullableString } from '#shared/zod-leaves.ts';
import { defineEvent } from './define-event.ts';
import { acceptedVersionFacts, FILING_SOURCE } from './filing-facts.ts';

/**
 * A version held for review (先备案后公布) was accepted by its supervising office and is now public, exactly as
 * an accepted filing of a region without review is at once. Also stated for a version filed after a returned
 * one once review is off, which amends nothing that was ever public.
 */
export const ReportPublished = defineEvent({
  source: FILING_SOURCE,
  detailType: 'ReportPublished',
  version: 1,
  producer: 'office review (acceptReview); filing service when a returned version is followed without review',
  consumers: ['public site (indexFiling, then buildAgencyPages)'],
  detail: z.lazy(() =>
    z.object({
      ...acceptedVersionFacts(),
      version: z.number().check(z.int(), z.gte(1)),
      /** Why the agency filed this version over an earlier one still in force, if it did. */
      amendmentReason: nullableString,
      /** The office that accepted it, and when; null when it was never held for review. */
      reviewedBy: nullableString,
      reviewedAt: nullableIsoDateTime,
    }),
  ),
});
export type ReportPublishedDetail = z.infer<typeof ReportPublished.detail>;
