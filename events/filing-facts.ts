/** Detail fields shared by the filing events, so each fact is spelled once. */
import * as z from '#shared/zod.ts';
import {
  integer,
  isoDateTime,
  nonEmptyString,
  nonNegativeInteger,
  nullableIsoDate,
  nullableString,
  sha256Hex,
} from '#shared/zod-leaves.ts';

export const FILING_SOURCE = 'gongkai.filing';

/**
 * Where the filed bytes are kept: `originals/<sha256>` in the locked originals bucket once they are part of a
 * version (always, in ReportAccepted and ReportAmended); before that, and for rejected submissions,
 * `<agencyId>/<submissionId>` in the expiring uploads bucket.
 */
export const OriginalRefSchema = z.lazy(() =>
  z.object({
    key: nonEmptyString,
    contentType: nonEmptyString,
    fileName: nullableString,
    sizeBytes: nonNegativeInteger,
  }),
);
export type OriginalRef = z.infer<typeof OriginalRefSchema>;

/** Facts every accepted version carries (ReportAccepted, ReportAmended and ReportPublished). */
export const acceptedVersionFacts = () => ({
  /** Deterministic (`<detail-type>/<agencyId>/<year>/v<n>`): consumers de-duplicate on it, since delivery is at-least-once. */
  eventId: nonEmptyString,
  submissionId: nonEmptyString,
  agencyId: nonEmptyString,
  agencyName: nonEmptyString,
  year: integer,
  sha256: sha256Hex,
  original: OriginalRefSchema,
  /** Key of the canonical report JSON in the data bucket: `reports/<agencyId>/<year>/v<n>.json`. */
  canonicalKey: nonEmptyString,
  acceptedAt: isoDateTime,
  /** The publication date printed in the report, if any. */
  publishedOn: nullableIsoDate,
  hasWarnings: z.boolean(),
  warningCount: nonNegativeInteger,
  /** Archived by an admin as already published (`POST /v1/admin/imports`), possibly with rule errors. */
  imported: z.boolean(),
  hasErrors: z.boolean(),
});
