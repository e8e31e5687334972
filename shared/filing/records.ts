/**
 * What the filing service stores: a submission (the receipt of one upload) and a report version (one per
 * accepted filing, immutable). Types come from these schemas; the stores persist them as they are.
 */

import { OriginalRefSchema } from '#events/filing-facts.ts';
import { ExplanationSchema } from '#shared/report/explanations.ts';
import { FindingSchema } from '#shared/report/findings.ts';
import * as z from '#shared/zod.ts';
import {
  integer,
  isoDateTime,
  nonEmptyString,
  nonNegativeInteger,
  nullableIsoDate,
  nullableIsoDateTime,
  nullableString,
  positiveInteger,
  sha256Hex,
} from '#shared/zod-leaves.ts';

export const SubmissionStatusSchema = z.lazy(() => z.enum(['processing', 'accepted', 'rejected']));
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** How the bytes arrived: in the request body, through a presigned upload, or as an admin import. */
export const SubmissionChannelSchema = z.lazy(() => z.enum(['api', 'upload', 'import']));
export type SubmissionChannel = z.infer<typeof SubmissionChannelSchema>;

export const RejectionReasonSchema = z.lazy(() =>
  z.enum(['findings', 'unreadable', 'agencyMismatch', 'amendmentReasonRequired']),
);
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

export const LocalizedMessageSchema = z.lazy(() => z.object({ zh: z.string(), en: z.string() }));

export const SubmissionSchema = z.lazy(() =>
  z.object({
    submissionId: nonEmptyString,
    agencyId: nonEmptyString,
    status: SubmissionStatusSchema,
    channel: SubmissionChannelSchema,
    receivedAt: isoDateTime,
    /** Null only while a presigned upload has not arrived. */
    sha256: z.nullable(sha256Hex),
    original: z.nullable(OriginalRefSchema),
    idempotencyKey: nullableString,
    amendmentReason: nullableString,
    /** Declared by an upload's creator; used when the object arrives. */
    declared: z.object({ contentType: nullableString, fileName: nullableString }),
    year: z.nullable(integer),
    publishedOn: nullableIsoDate,
    /** The report's title as its public page names it, once the file was read (absent on older records). */
    title: z.optional(z.string()),
    /** Null until the file was checked. */
    findings: z.nullable(z.array(FindingSchema)),
    /** The filer's explanations of warnings it keeps (absent on records from before explanations existed). */
    explanations: z.optional(z.array(ExplanationSchema)),
    hasErrors: z.boolean(),
    imported: z.boolean(),
    version: z.nullable(positiveInteger),
    rejectionReason: z.nullable(RejectionReasonSchema),
    /** Why an upload could not be read or belongs to another agency (the API's error body for it). */
    error: z.nullable(z.object({ code: z.string(), message: LocalizedMessageSchema })),
    decidedAt: nullableIsoDateTime,
    /** An upload whose bytes the agency had already filed: it mirrors that submission and publishes nothing. */
    duplicateOf: nullableString,
    eventPublished: z.boolean(),
    /** Accepted into a version that waits for its office's review before it is public. */
    heldForReview: z.optional(z.boolean()),
  }),
);
export type Submission = z.infer<typeof SubmissionSchema>;

/**
 * Review before publication (先备案后公布): where a region asks for it, a version is stored `awaitingReview` and
 * made public only once the supervising office accepts it; a returned version stays unpublished for good.
 */
export const ReviewStateSchema = z.lazy(() => z.enum(['awaitingReview', 'accepted', 'returned']));
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const VersionReviewSchema = z.lazy(() =>
  z.object({
    state: ReviewStateSchema,
    /** The agency's region when it filed: the office whose subtree holds it reviews the version. */
    regionCode: nonEmptyString,
    officeId: nullableString,
    decidedAt: nullableIsoDateTime,
    /** Why the office returned it (shown to the agency and e-mailed to it). */
    reason: nullableString,
    /** When the agency was e-mailed the return. */
    notifiedAt: nullableIsoDateTime,
  }),
);
export type VersionReview = z.infer<typeof VersionReviewSchema>;

export const ReportVersionSchema = z.lazy(() =>
  z.object({
    agencyId: nonEmptyString,
    year: integer,
    version: positiveInteger,
    submissionId: nonEmptyString,
    sha256: sha256Hex,
    original: OriginalRefSchema,
    canonicalKey: nonEmptyString,
    acceptedAt: isoDateTime,
    publishedOn: nullableIsoDate,
    amendmentReason: nullableString,
    imported: z.boolean(),
    hasErrors: z.boolean(),
    warningCount: nonNegativeInteger,
    /** Absent when the version was published as filed, without review. */
    review: z.optional(VersionReviewSchema),
    /** The filer's explanations of the version's warnings; the findings document beside the canonical JSON has them too. */
    explanations: z.optional(z.array(ExplanationSchema)),
  }),
);
export type ReportVersion = z.infer<typeof ReportVersionSchema>;

/** Public: published as filed, or accepted by its office. */
export function isPublic(version: Pick<ReportVersion, 'review'>): boolean {
  return version.review === undefined || version.review.state === 'accepted';
}

/** Counts as filed for the deadline (on the agency's filing day): every version but a returned one. */
export function countsAsFiled(version: Pick<ReportVersion, 'review'>): boolean {
  return version.review?.state !== 'returned';
}

/** Keys under which a submission is remembered per agency, so a replay answers with the first receipt. */
export type DedupeKey =
  | { readonly agencyId: string; readonly kind: 'sha256'; readonly value: string }
  | { readonly agencyId: string; readonly kind: 'idempotencyKey'; readonly value: string };

/** Where things are kept in the buckets (one place, shared by the stores, the events and the docs). */
export function originalKey(sha256: string): string {
  return `originals/${sha256}`;
}
export function canonicalKey(agencyId: string, year: number, version: number): string {
  return `reports/${agencyId}/${year}/v${version}.json`;
}
/** The version's findings and the filer's explanations, beside its canonical JSON (docs/spec/report-model.md §6). */
export function findingsKey(agencyId: string, year: number, version: number): string {
  return `reports/${agencyId}/${year}/v${version}.findings.json`;
}
export function uploadKey(agencyId: string, submissionId: string): string {
  return `${agencyId}/${submissionId}`;
}
