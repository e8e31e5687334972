/**
 * A received file is staged in the uploads bucket (no Object Lock; objects expire) at `<agencyId>/<submissionId>`
 * and copied into the locked originals bucket only once it is part of a version. Rejected files, race losers and
 * files that never become anything thus cost nothing forever: the locked bucket holds exactly the originals of
 * versions.
 *
 * Why it is safe, step by step (`decideSubmission` runs them in this order):
 * 1. The staged object is written before the submission that names it, so a stored submission always has its bytes.
 * 2. The version item is claimed first (`claimVersion`): it names `originals/<sha256>` before the object is there.
 *    Only the one filing that wins the number goes on; losers never reach step 3.
 * 3. The winner copies the bytes under the lease of its submission. A worker dying here leaves the submission
 *    processing; whoever takes the lease next finds the claimed version and copies again. The copy is
 *    content-addressed and written only if absent, so repeating it (or two agencies filing the same bytes) is
 *    harmless.
 * 4. Nothing reads the locked copy before the version's event goes out, and that happens after step 3.
 * A staged upload can be overwritten by its uploader while its presigned POST lasts, so bytes read back from
 * staging must still hash to the submission's sha256.
 */
import type { OriginalRef } from '#events/filing-facts.ts';
import type { FilingPorts, StoredBlob } from '#shared/ports.ts';
import { originalKey, type Submission, uploadKey } from './records.ts';
import { sha256Hex } from './submission-id.ts';

type StagePorts = Pick<FilingPorts, 'uploads' | 'originals'>;

export interface FileFacts {
  readonly sha256: string;
  readonly contentType: string;
  readonly fileName: string | null;
  readonly sizeBytes: number;
}

/** Where a submission's bytes wait: its own key in the uploads bucket. */
export function stagedOriginal(agencyId: string, submissionId: string, file: FileFacts): OriginalRef {
  const { contentType, fileName, sizeBytes } = file;
  return { key: uploadKey(agencyId, submissionId), contentType, fileName, sizeBytes };
}

/** The same file once it is part of a version: content-addressed in the locked bucket. */
export function lockedOriginal(original: OriginalRef, sha256: string): OriginalRef {
  return { ...original, key: originalKey(sha256) };
}

/** The submission's bytes: staged, or (after a version took them) locked; null when neither holds them. */
export async function readOriginal(ports: StagePorts, submission: Submission): Promise<StoredBlob | null> {
  const { original, sha256 } = submission;
  if (!original || !sha256) return null;
  const staged = await ports.uploads.get(uploadKey(submission.agencyId, submission.submissionId));
  if (staged && sha256Hex(staged.bytes) === sha256) return staged;
  return ports.originals.get(originalKey(sha256));
}

/** Step 3 above: the bytes of a claimed version into the locked bucket, once. `bytes` saves a read when at hand. */
export async function lockOriginal(
  ports: StagePorts,
  submission: Submission,
  version: { readonly original: OriginalRef; readonly sha256: string },
  bytes: Uint8Array | null,
): Promise<void> {
  if ((await ports.originals.size(version.original.key)) !== null) return;
  const blob = bytes ?? (await readOriginal(ports, submission))?.bytes;
  if (!blob || sha256Hex(blob) !== version.sha256) {
    throw new Error(`the staged original of submission ${submission.submissionId} is gone or changed`);
  }
  await ports.originals.putIfAbsent(version.original.key, blob, version.original.contentType);
}
