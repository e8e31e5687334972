/** Claims the next version number of an agency-year for an accepted submission. */
import type { FilingPorts, ReportVersionStore } from '#shared/ports.ts';
import type { Report } from '#shared/report/model.ts';
import { amendmentReasonRequired, versionConflict } from './errors.ts';
import { canonicalKey, countsAsFiled, type ReportVersion, type Submission, type VersionReview } from './records.ts';
import { lockedOriginal } from './staged-original.ts';

/**
 * Each round reads the highest version and writes n + 1 only if n + 1 is free, so concurrent filings of
 * one agency-year end up with 1..k gap-free and no number twice: every round has a winner, and a loser
 * re-reads. DynamoDB Local stand-ins have no transactions, so the version item itself is the lock.
 */
const MAX_ROUNDS = 32;

export interface ClaimInput {
  readonly submission: Submission & { readonly sha256: string; readonly original: NonNullable<Submission['original']> };
  readonly report: Report;
  readonly warningCount: number;
  readonly acceptedAt: string;
  /** Set when the agency's region reviews filings before publication. */
  readonly review?: VersionReview;
}

/**
 * The version a new filing amends: the newest one its office did not return (a returned version was never in
 * force, so the filing after it needs no amendment reason). `latest` saves the read when the caller holds it.
 * Versions of a year are numbered without gaps, so the walk reads one version per return, newest first.
 */
export async function standingVersion(
  versions: Pick<ReportVersionStore, 'latest' | 'get'>,
  agencyId: string,
  year: number,
  latest?: ReportVersion | null,
): Promise<ReportVersion | null> {
  const newest = latest === undefined ? await versions.latest(agencyId, year) : latest;
  if (newest === null || countsAsFiled(newest)) return newest;
  for (let n = newest.version - 1; n >= 1; n--) {
    const version = await versions.get(agencyId, year, n);
    if (version !== null && countsAsFiled(version)) return version;
  }
  return null;
}

export async function claimVersion(ports: Pick<FilingPorts, 'versions'>, input: ClaimInput): Promise<ReportVersion> {
  const { submission, report } = input;
  const { agencyId } = submission;
  // A worker that died after claiming left its number behind; the lease makes it ours to finish.
  const claimed = await ports.versions.findBySubmission(agencyId, report.year, submission.submissionId);
  if (claimed) return claimed;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const latest = await ports.versions.latest(agencyId, report.year);
    const standing = await standingVersion(ports.versions, agencyId, report.year, latest);
    if (standing && !submission.amendmentReason) {
      throw amendmentReasonRequired(agencyId, report.year, standing.version);
    }
    const n = (latest?.version ?? 0) + 1;
    const version: ReportVersion = {
      agencyId,
      year: report.year,
      version: n,
      submissionId: submission.submissionId,
      sha256: submission.sha256,
      // Named before it exists: the winner copies it there next (see staged-original.ts).
      original: lockedOriginal(submission.original, submission.sha256),
      canonicalKey: canonicalKey(agencyId, report.year, n),
      acceptedAt: input.acceptedAt,
      publishedOn: report.publishedOn,
      amendmentReason: standing === null ? null : submission.amendmentReason,
      imported: submission.imported,
      hasErrors: submission.hasErrors,
      warningCount: input.warningCount,
      ...(input.review === undefined ? {} : { review: input.review }),
      ...(submission.explanations?.length ? { explanations: submission.explanations } : {}),
    };
    if (await ports.versions.putIfAbsent(version)) return version;
  }
  throw versionConflict(agencyId, report.year);
}
