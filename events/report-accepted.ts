import * as z from '#shared/zod.ts';
import { defineEvent } from './define-event.ts';
import { acceptedVersionFacts, FILING_SOURCE } from './filing-facts.ts';

/** The first version of an agency's report for a year was accepted (or imported). */
export const ReportAccepted = defineEvent({
  source: FILING_SOURCE,
  detailType: 'ReportAccepted',
  version: 1,
  producer: 'filing service (submitReport, importReport, onUploadCreated, publishPending)',
  consumers: ['public site (indexFiling, then buildAgencyPages)'],
  detail: z.lazy(() =>
    z.object({
      ...acceptedVersionFacts(),
      version: z.literal(1),
    }),
  ),
});
export type ReportAcceptedDetail = z.infer<typeof ReportAccepted.detail>;
