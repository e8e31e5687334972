/** Detail fields shared by the filing events, so each fact is spelled once. */
import * as z from '#shared/zod.ts';

export const FILING_SOURCE = 'gongkai.filing';

export const Sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/**
 * Where the filed bytes are kept: `originals/<sha256>` in the locked originals bucket once they are part of a
 * version (always, in ReportAccepted and ReportAmended); before that, and for rejected submissions,
 * `<agencyId>/<submissionId>` in the expiring uploads bucket.
 */
export const OriginalRefSchema = z.object({
  key: z.string().check(z.minLength(1)),
  contentType: z.string().check(z.minLength(1)),
  fileName: z.nullable(z.string()),
  sizeBytes: z.number().check(z.int(), z.nonnegative()),
});
export type OriginalRef = z.infer<typeof OriginalRefSchema>;

/** Facts every accepted version carries (ReportAccepted and ReportAmended). */
export const AcceptedVersionFacts = {
  /** Deterministic (`<detail-type>/<agencyId>/<year>/v<n>`): consumers de-duplicate on it, since delivery is at-least-once. */
  eventId: z.string().check(z.minLength(1)),
  submissionId: z.string().check(z.minLength(1)),
  agencyId: z.string().check(z.minLength(1)),
  agencyName: z.string().check(z.minLength(1)),
  year: z.number().check(z.int()),
  sha256: Sha256Schema,
  original: OriginalRefSchema,
  /** Key of the canonical report JSON in the data bucket: `reports/<agencyId>/<year>/v<n>.json`. */
  canonicalKey: z.string().check(z.minLength(1)),
  acceptedAt: z.iso.datetime(),
  /** The publication date printed in the report, if any. */
  publishedOn: z.nullable(z.iso.date()),
  hasWarnings: z.boolean(),
  warningCount: z.number().check(z.int(), z.nonnegative()),
  /** Archived by an admin as already published (`POST /v1/admin/imports`), possibly with rule errors. */
  imported: z.boolean(),
  hasErrors: z.boolean(),
};
