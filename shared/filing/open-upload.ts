/** POST /v1/uploads: opens a submission and returns a presigned POST for a (large) report file. */
import type { PresignedPost, UploadPorts } from '#shared/ports.ts';
import { nowIso } from './lease.ts';
import { type Submission, uploadKey } from './records.ts';
import { uploadType } from './upload-policy.ts';

/** Long enough to send a large scanned PDF over a slow line, short enough that a leaked URL soon dies. */
export const UPLOAD_URL_SECONDS = 15 * 60;

export interface OpenUploadRequest {
  readonly agencyId: string;
  readonly contentType: string | null;
  readonly fileName: string | null;
  readonly amendmentReason: string | null;
  readonly idempotencyKey: string | null;
}

export interface OpenedUpload {
  readonly submission: Submission;
  /** Null once the file has arrived (a replayed request for a finished upload). */
  readonly upload: PresignedPost | null;
  readonly maxBytes: number;
  readonly expiresInSeconds: number;
}

type OpenUploadPorts = Pick<UploadPorts, 'clock' | 'ids' | 'submissions' | 'uploadSigner'>;

/**
 * The agency comes from a verified token, and tokens are issued only to registered agencies. The media type
 * is settled here (declared, or implied by the file name) and pinned in the POST policy with its size cap.
 */
export async function openUpload(ports: OpenUploadPorts, request: OpenUploadRequest): Promise<OpenedUpload> {
  const agencyId = request.agencyId;
  const declaredType = uploadType(request.contentType, request.fileName).contentType;
  const key = request.idempotencyKey
    ? ({ agencyId, kind: 'idempotencyKey', value: request.idempotencyKey } as const)
    : null;
  const earlierId = key ? await ports.submissions.findDedupeKey(key) : null;
  const earlier = earlierId ? await ports.submissions.get(earlierId) : null;
  if (earlier) return withUrl(ports, earlier);
  const submission: Submission = {
    submissionId: ports.ids.newId(),
    agencyId,
    status: 'processing',
    channel: 'upload',
    receivedAt: nowIso(ports.clock),
    sha256: null,
    original: null,
    idempotencyKey: request.idempotencyKey,
    amendmentReason: request.amendmentReason,
    declared: { contentType: declaredType, fileName: request.fileName },
    year: null,
    publishedOn: null,
    findings: null,
    hasErrors: false,
    imported: false,
    version: null,
    rejectionReason: null,
    error: null,
    decidedAt: null,
    duplicateOf: null,
    eventPublished: false,
  };
  await ports.submissions.create(submission, null);
  const owner = key ? await ports.submissions.claimDedupeKey(key, submission.submissionId) : null;
  const winner = owner && owner !== submission.submissionId ? await ports.submissions.get(owner) : null;
  return withUrl(ports, winner ?? submission);
}

async function withUrl(ports: OpenUploadPorts, submission: Submission): Promise<OpenedUpload> {
  const { contentType, maxBytes } = uploadType(submission.declared.contentType, submission.declared.fileName);
  const upload =
    submission.sha256 === null
      ? await ports.uploadSigner.presignPost({
          key: uploadKey(submission.agencyId, submission.submissionId),
          contentType,
          maxBytes,
          expiresInSeconds: UPLOAD_URL_SECONDS,
        })
      : null;
  return { submission, upload, maxBytes, expiresInSeconds: UPLOAD_URL_SECONDS };
}
