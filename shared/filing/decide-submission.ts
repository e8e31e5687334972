/** Decides a processing submission and stores the outcome: rejected, or accepted as the next version. */
import { ReportParseError } from '#shared/errors.ts';
import type { FilingPorts } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { reportTitle } from '#shared/report/title.ts';
import { NO_REVIEW, reviewRequired } from '#shared/review/review-config.ts';
import { type CheckedFiling, checkFiling } from './check-filing.ts';
import { claimVersion } from './claim-version.ts';
import { FilingError } from './errors.ts';
import { nowIso } from './lease.ts';
import {
  findingsKey,
  isPublic,
  type RejectionReason,
  type ReportVersion,
  type Submission,
  type VersionReview,
} from './records.ts';
import { lockOriginal, readOriginal } from './staged-original.ts';

/** What the caller already holds: the bytes (so neither the check nor the locked copy reads them back) and,
 * for a live request, their check. */
export interface HeldFiling {
  readonly checked: CheckedFiling | null;
  readonly bytes: Uint8Array;
}

export interface Decision {
  readonly submission: Submission;
  /** The claimed version when accepted. */
  readonly version: ReportVersion | null;
}

/**
 * What to do when another filing took version 1 while this one had no amendment reason: a live request
 * answers 409 ('throw'); a worker with no one to answer stores a rejection ('reject').
 */
export type AmendmentRace = 'throw' | 'reject';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Resumable: each step is conditional or idempotent, so a worker that takes over a dead worker's lease
 * finishes the same way. Without the bytes at hand the staged original is re-read. The original is copied
 * into the locked bucket only after the version number is won (the argument is in `staged-original.ts`).
 */
export async function decideSubmission(
  ports: FilingPorts,
  agency: Agency,
  submission: Submission,
  held: HeldFiling | null,
  onRace: AmendmentRace,
): Promise<Decision> {
  if (submission.status !== 'processing' || !submission.sha256 || !submission.original) {
    return { submission, version: null };
  }
  const outcome = held?.checked ?? (await recheck(ports, agency, submission, held?.bytes ?? null));
  if (outcome instanceof ReportParseError || outcome instanceof FilingError) {
    const reason: RejectionReason = outcome instanceof ReportParseError ? 'unreadable' : 'agencyMismatch';
    return reject(ports, submission, reason, outcome);
  }
  const decided: Submission = {
    ...submission,
    year: outcome.report.year,
    publishedOn: outcome.report.publishedOn,
    title: reportTitle(outcome.report, agency.name),
    findings: submission.findings ?? [...outcome.findings],
    hasErrors: submission.findings ? submission.hasErrors : outcome.hasErrors,
  };
  if (decided.hasErrors && !decided.imported) return reject(ports, decided, 'findings', null);
  const warningCount = (decided.findings ?? []).filter((f) => f.severity === 'warning').length;
  let version: ReportVersion;
  try {
    version = await claimVersion(ports, {
      submission: { ...decided, sha256: submission.sha256, original: submission.original },
      report: outcome.report,
      warningCount,
      acceptedAt: nowIso(ports.clock),
      ...reviewFor(agency, decided, ports),
    });
  } catch (e) {
    if (onRace === 'reject' && e instanceof FilingError && e.code === 'AMENDMENT_REASON_REQUIRED') {
      return reject(ports, decided, 'amendmentReasonRequired', e);
    }
    throw e;
  }
  await lockOriginal(ports, submission, version, held?.bytes ?? null);
  await ports.data.put(
    version.canonicalKey,
    new TextEncoder().encode(`${JSON.stringify(outcome.report)}\n`),
    JSON_TYPE,
  );
  // Beside the canonical JSON, not inside it: the report's field names are a public contract.
  const findingsDocument = { findings: decided.findings ?? [], explanations: decided.explanations ?? [] };
  await ports.data.put(
    findingsKey(version.agencyId, version.year, version.version),
    new TextEncoder().encode(`${JSON.stringify(findingsDocument)}\n`),
    JSON_TYPE,
  );
  if (isPublic(version)) await ports.versions.advanceCurrent(version);
  const accepted: Submission = {
    ...decided,
    status: 'accepted',
    original: version.original,
    version: version.version,
    decidedAt: version.acceptedAt,
    ...(version.review === undefined ? {} : { heldForReview: true }),
  };
  await ports.submissions.save(accepted);
  return { submission: accepted, version };
}

/** An import archives what was already published: only a filing is held for its office's review. */
function reviewFor(
  agency: Agency,
  submission: Submission,
  ports: Pick<FilingPorts, 'review'>,
): { review: VersionReview } | Record<string, never> {
  if (submission.imported || agency.regionCode === null) return {};
  if (!reviewRequired(agency, ports.review ?? NO_REVIEW)) return {};
  const review: VersionReview = {
    state: 'awaitingReview',
    regionCode: agency.regionCode,
    officeId: null,
    decidedAt: null,
    reason: null,
    notifiedAt: null,
  };
  return { review };
}

async function recheck(
  ports: FilingPorts,
  agency: Agency,
  submission: Submission,
  bytes: Uint8Array | null,
): Promise<CheckedFiling | ReportParseError | FilingError> {
  const original = submission.original;
  if (!original) throw new Error(`submission ${submission.submissionId} has no original`);
  const read = bytes ?? (await readOriginal(ports, submission))?.bytes;
  if (!read) throw new Error(`the original of submission ${submission.submissionId} is missing`);
  try {
    return await checkFiling(ports, agency, {
      bytes: read,
      contentType: original.contentType,
      fileName: original.fileName,
    });
  } catch (e) {
    if (e instanceof ReportParseError || (e instanceof FilingError && e.code === 'AGENCY_MISMATCH')) return e;
    throw e;
  }
}

async function reject(
  ports: FilingPorts,
  submission: Submission,
  reason: RejectionReason,
  error: ReportParseError | FilingError | null,
): Promise<Decision> {
  const rejected: Submission = {
    ...submission,
    status: 'rejected',
    rejectionReason: reason,
    error: error ? { code: error.code, message: error.messages } : null,
    decidedAt: nowIso(ports.clock),
  };
  await ports.submissions.save(rejected);
  return { submission: rejected, version: null };
}
