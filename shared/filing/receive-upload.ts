/** An object arrived in the uploads bucket (S3 "Object Created"): file it as its submission. */

import { isReportMediaType, MAX_DOCUMENT_BYTES, maxBytesOf } from '#shared/media-types.ts';
import { fileFormatOf } from '#shared/parse/file-format.ts';
import type { UploadPorts } from '#shared/ports.ts';
import { decideSubmission } from './decide-submission.ts';
import { agencyNotFound } from './errors.ts';
import { leaseUntil, nowIso } from './lease.ts';
import { publishSubmission } from './publish-submission.ts';
import type { Submission } from './records.ts';
import { settleSubmission } from './settle-submission.ts';
import { stagedOriginal } from './staged-original.ts';
import { sha256Hex } from './submission-id.ts';

function uploadLimit(contentType: string): number {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return isReportMediaType(mediaType) ? maxBytesOf(mediaType) : MAX_DOCUMENT_BYTES;
}

/**
 * Null when the key names no waiting upload (a foreign object, a staged request body, or another worker holds
 * the lease). The object stays where it landed: it is the submission's staged original until a version takes it.
 * S3 events arrive at least once: a repeated event finishes whatever the first delivery left undone.
 */
export async function receiveUpload(ports: UploadPorts, objectKey: string): Promise<Submission | null> {
  const [agencyId, submissionId, ...rest] = objectKey.split('/');
  if (!agencyId || !submissionId || rest.length > 0) return null;
  const submission = await ports.submissions.get(submissionId);
  if (!submission || submission.agencyId !== agencyId || submission.channel !== 'upload') return null;
  if (submission.sha256 !== null) return settleSubmission(ports, submissionId);
  // The presigned POST caps the size; this is the same cap, checked before a byte is read.
  const size = await ports.uploads.size(objectKey);
  if (size === null) return null;
  if (!(await ports.submissions.acquireLease(submissionId, nowIso(ports.clock), leaseUntil(ports.clock)))) return null;
  try {
    const contentType = submission.declared.contentType ?? 'application/octet-stream';
    const limit = uploadLimit(contentType);
    if (size > limit) return await refuseOversized(ports, submission, size, limit);
    const blob = await ports.uploads.get(objectKey);
    if (!blob) throw new Error(`upload ${objectKey} vanished`);
    const sha256 = sha256Hex(blob.bytes);
    // The object stays where it landed until a version takes it; it is the submission's staged original.
    // What the uploader declared stays in `declared`; the original is kept as what its bytes are.
    const original = stagedOriginal(agencyId, submissionId, {
      sha256,
      contentType: fileFormatOf(blob.bytes).contentType,
      fileName: submission.declared.fileName,
      sizeBytes: blob.bytes.length,
    });
    const received: Submission = { ...submission, sha256, original };
    const owner = await ports.submissions.claimDedupeKey({ agencyId, kind: 'sha256', value: sha256 }, submissionId);
    if (owner !== null && owner !== submissionId) return await mirrorEarlier(ports, received, owner);
    await ports.submissions.save(received);
    const agency = await ports.agencies.get(agencyId);
    if (!agency) throw agencyNotFound(agencyId);
    const decision = await decideSubmission(ports, agency, received, { checked: null, bytes: blob.bytes }, 'reject');
    return await publishSubmission(ports, agency, decision);
  } catch (e) {
    await ports.submissions.releaseLease(submissionId, nowIso(ports.clock));
    throw e;
  }
}

/** The agency had filed these bytes before: the upload answers with that filing's outcome and adds nothing. */
async function mirrorEarlier(ports: UploadPorts, received: Submission, earlierId: string): Promise<Submission> {
  const earlier = await ports.submissions.get(earlierId);
  // Still in flight (or its request died mid-way): fail so the event is delivered again later.
  if (!earlier || earlier.status === 'processing') throw new Error(`submission ${earlierId} is not decided yet`);
  const mirror: Submission = {
    ...received,
    status: earlier.status,
    year: earlier.year,
    publishedOn: earlier.publishedOn,
    title: earlier.title,
    findings: earlier.findings,
    hasErrors: earlier.hasErrors,
    version: earlier.version,
    rejectionReason: earlier.rejectionReason,
    error: earlier.error,
    decidedAt: nowIso(ports.clock),
    duplicateOf: earlier.submissionId,
    eventPublished: true,
  };
  await ports.submissions.save(mirror);
  await ports.submissions.finish(received.submissionId);
  return mirror;
}

/** Larger than any report of its type: rejected unread, so there is no digest and no event (nothing to name). */
async function refuseOversized(
  ports: UploadPorts,
  submission: Submission,
  size: number,
  limit: number,
): Promise<Submission> {
  const mib = limit / 1024 / 1024;
  const refused: Submission = {
    ...submission,
    status: 'rejected',
    rejectionReason: 'unreadable',
    error: {
      code: 'INPUT_TOO_LARGE',
      message: {
        zh: `文件过大（${size} 字节，超过 ${mib} MB），未读取。`,
        en: `The file has ${size} bytes, over the ${mib} MiB limit; it was not read.`,
      },
    },
    decidedAt: nowIso(ports.clock),
    eventPublished: true,
  };
  await ports.submissions.save(refused);
  await ports.submissions.finish(submission.submissionId);
  return refused;
}
