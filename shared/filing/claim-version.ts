/** Claims the next version number of an agency-year for an accepted submission. */
import type { FilingPorts } from '#shared/ports.ts';
import type { Report } from '#shared/report/model.ts';
import { amendmentReasonRequired, versionConflict } from './errors.ts';
import { canonicalKey, type ReportVersion, type Submission } from './records.ts';
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
}

export async function claimVersion(ports: Pick<FilingPorts, 'versions'>, input: ClaimInput): Promise<ReportVersion> {
  const { submission, report } = input;
  const { agencyId } = submission;
  // A worker that died after claiming left its number behind; the lease makes it ours to finish.
  const claimed = await ports.versions.findBySubmission(agencyId, report.year, submission.submissionId);
  if (claimed) return claimed;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const latest = await ports.versions.latest(agencyId, report.year);
    if (latest && !submission.amendmentReason) throw amendmentReasonRequired(agencyId, report.year, latest.version);
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
      amendmentReason: n === 1 ? null : submission.amendmentReason,
      imported: submission.imported,
      hasErrors: submission.hasErrors,
      warningCount: input.warningCount,
    };
    if (await ports.versions.putIfAbsent(version)) return version;
  }
  throw versionConflict(agencyId, report.year);
}
