/** Files a report sent in a request body (agencies: POST /v1/reports; admins: POST /v1/admin/imports). */
import { fileFormatOf } from '#shared/parse/file-format.ts';
import type { FilingPorts } from '#shared/ports.ts';
import type { Explanation } from '#shared/report/explanations.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { type CheckedFiling, checkFiling, type FiledFile } from './check-filing.ts';
import { standingVersion } from './claim-version.ts';
import { type Decision, decideSubmission } from './decide-submission.ts';
import { agencyNotFound, amendmentReasonRequired, emptyBody, FilingError, requestInProgress } from './errors.ts';
import {
  canonicalExplanations,
  explainFindings,
  filingDigest,
  type RequestedExplanations,
} from './explain-findings.ts';
import { leaseUntil, nowIso } from './lease.ts';
import { publishSubmission } from './publish-submission.ts';
import type { Submission } from './records.ts';
import { claimKeys, findReplay, releaseKeys } from './replay.ts';
import { stagedOriginal } from './staged-original.ts';
import { contentSubmissionId, sha256Hex } from './submission-id.ts';

export interface SubmitRequest {
  readonly agencyId: string;
  readonly file: FiledFile;
  readonly idempotencyKey: string | null;
  readonly amendmentReason: string | null;
  /** The filer's explanations of warnings it keeps, by finding key (explain-findings.ts). */
  readonly explanations?: RequestedExplanations;
  readonly dryRun: boolean;
  /** Imports archive an already-published report as it is, even with rule errors. */
  readonly imported: boolean;
  /** Imports only: the day the report was published, for a file that does not print it (or prints it wrong). */
  readonly publishedOn?: string | null;
}

export type SubmitOutcome =
  | {
      readonly kind: 'dryRun';
      readonly report: Report;
      readonly findings: readonly Finding[];
      readonly explanations: readonly Explanation[];
      readonly hasErrors: boolean;
      readonly currentVersion: number | null;
    }
  | { readonly kind: 'replay'; readonly submission: Submission }
  /** `publishError`: stored and decided, but publishing failed and the event is left to the sweep. */
  | { readonly kind: 'filed'; readonly submission: Submission; readonly publishError?: unknown };

export async function submitReport(ports: FilingPorts, request: SubmitRequest): Promise<SubmitOutcome> {
  const { file } = request;
  if (file.bytes.length === 0) throw emptyBody();
  const agency = await ports.agencies.get(request.agencyId);
  if (!agency) throw agencyNotFound(request.agencyId);
  const sha256 = sha256Hex(file.bytes);
  const content = filingDigest(sha256, canonicalExplanations(request.explanations ?? {}));
  const submissionId = contentSubmissionId(agency.id, content);
  const keys = { agencyId: agency.id, submissionId, content, idempotencyKey: request.idempotencyKey };
  if (!request.dryRun) {
    const replay = await findReplay(ports, keys);
    if (replay) return { kind: 'replay', submission: replay };
  }
  const checked = withPublicationDay(await checkFiling(ports, agency, file), request);
  const explanations = explainFindings(checked.findings, request.explanations ?? {});
  const { year } = checked.report;
  const latest = await standingVersion(ports.versions, agency.id, year);
  if (request.dryRun) {
    return { kind: 'dryRun', ...checked, explanations, currentVersion: latest?.version ?? null };
  }
  // An import archives a published report with its rule errors, but there is no report of a year without one.
  const yearFinding = checked.findings.find((f) => f.code === 'Y4');
  if (request.imported && yearFinding) {
    throw new FilingError('YEAR_OUT_OF_RANGE', yearFinding.message, { details: { findings: [yearFinding] } });
  }
  const createsVersion = !checked.hasErrors || request.imported;
  if (latest && createsVersion && !request.amendmentReason)
    throw amendmentReasonRequired(agency.id, year, latest.version);
  const replay = await claimKeys(ports, keys);
  if (replay) return { kind: 'replay', submission: replay };
  // Staged, not locked: the bytes reach the originals bucket only if this filing wins a version.
  const original = stagedOriginal(agency.id, submissionId, {
    sha256,
    contentType: fileFormatOf(file.bytes).contentType,
    fileName: file.fileName,
    sizeBytes: file.bytes.length,
  });
  await ports.uploads.put(original.key, file.bytes, original.contentType);
  const submission: Submission = {
    submissionId,
    agencyId: agency.id,
    status: 'processing',
    channel: request.imported ? 'import' : 'api',
    receivedAt: nowIso(ports.clock),
    sha256,
    original,
    idempotencyKey: request.idempotencyKey,
    amendmentReason: request.amendmentReason,
    declared: { contentType: file.contentType, fileName: file.fileName },
    year,
    publishedOn: checked.report.publishedOn,
    findings: [...checked.findings],
    ...(explanations.length > 0 ? { explanations } : {}),
    hasErrors: checked.hasErrors,
    imported: request.imported,
    version: null,
    rejectionReason: null,
    error: null,
    decidedAt: null,
    duplicateOf: null,
    eventPublished: false,
  };
  if (!(await ports.submissions.create(submission, leaseUntil(ports.clock)))) {
    const twin = await ports.submissions.get(submissionId);
    if (twin) return { kind: 'replay', submission: twin };
    throw requestInProgress();
  }
  let decision: Decision;
  try {
    decision = await decideSubmission(ports, agency, submission, { checked, bytes: file.bytes }, 'throw');
  } catch (e) {
    // Lost the race for version 1 without a reason: a 409 to the caller, and nothing kept that points at
    // nothing. The keys go first: dying in between leaves a submission the sweep rejects, never a dangling key.
    if (e instanceof FilingError && e.code === 'AMENDMENT_REASON_REQUIRED') {
      await releaseKeys(ports, keys);
      await ports.submissions.discard(submissionId);
    } else await ports.submissions.releaseLease(submissionId, nowIso(ports.clock));
    throw e;
  }
  try {
    return { kind: 'filed', submission: await publishSubmission(ports, agency, decision) };
  } catch (publishError) {
    // The filing is stored and decided; the sweep publishes its event once the lease is given up.
    await ports.submissions.releaseLease(submissionId, nowIso(ports.clock));
    return { kind: 'filed', submission: decision.submission, publishError };
  }
}

/** An import's publication day, given by the admin, stands in for the one the file prints (PDFs rarely print one). */
function withPublicationDay(checked: CheckedFiling, request: SubmitRequest): CheckedFiling {
  if (!request.imported || !request.publishedOn) return checked;
  return { ...checked, report: { ...checked.report, publishedOn: request.publishedOn } };
}
