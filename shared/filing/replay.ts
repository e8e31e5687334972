/**
 * Replays: the same bytes with the same explanations from the same agency, or the same Idempotency-Key, answer
 * with the first receipt.
 * Keys are claimed before the submission is written and name the content-derived id, so a request that
 * died in between finds its own claims on retry instead of being locked out by them.
 */
import type { FilingPorts } from '#shared/ports.ts';
import { idempotencyKeyReused, requestInProgress } from './errors.ts';
import { storedDigest } from './explain-findings.ts';
import type { DedupeKey, Submission } from './records.ts';

export interface ReplayKeys {
  readonly agencyId: string;
  readonly submissionId: string;
  /** `filingDigest`: the bytes' sha256, or with explanations a digest of both. */
  readonly content: string;
  readonly idempotencyKey: string | null;
}

function dedupeKeys(keys: ReplayKeys): DedupeKey[] {
  const byKey: DedupeKey[] = keys.idempotencyKey
    ? [{ agencyId: keys.agencyId, kind: 'idempotencyKey', value: keys.idempotencyKey }]
    : [];
  return [...byKey, { agencyId: keys.agencyId, kind: 'sha256', value: keys.content }];
}

/**
 * A key names one request: the same key with other bytes (or other explanations) is a client bug, refused with
 * 422 as the IETF Idempotency-Key draft says, rather than answered with the first receipt (which would drop a
 * corrected report or the explanations).
 */
function repeatedBy(earlier: Submission, key: DedupeKey, keys: ReplayKeys): Submission {
  if (key.kind !== 'idempotencyKey') return earlier;
  if (earlier.sha256 === null || storedDigest(earlier.sha256, earlier.explanations) !== keys.content) {
    throw idempotencyKeyReused();
  }
  return earlier;
}

/** The earlier submission this request repeats, if any (read-only). */
export async function findReplay(
  ports: Pick<FilingPorts, 'submissions'>,
  keys: ReplayKeys,
): Promise<Submission | null> {
  const own = await ports.submissions.get(keys.submissionId);
  if (own && own.agencyId === keys.agencyId) return own;
  for (const key of dedupeKeys(keys)) {
    const owner = await ports.submissions.findDedupeKey(key);
    if (owner && owner !== keys.submissionId) {
      const earlier = await ports.submissions.get(owner);
      if (earlier) return repeatedBy(earlier, key, keys);
    }
  }
  return null;
}

/** Claims the request's keys; returns the earlier submission when another request holds one of them. */
export async function claimKeys(ports: Pick<FilingPorts, 'submissions'>, keys: ReplayKeys): Promise<Submission | null> {
  for (const key of dedupeKeys(keys)) {
    const owner = await ports.submissions.claimDedupeKey(key, keys.submissionId);
    if (owner === null || owner === keys.submissionId) continue;
    const earlier = await ports.submissions.get(owner);
    if (earlier) return repeatedBy(earlier, key, keys);
    throw requestInProgress();
  }
  return null;
}

/** Gives up the keys this request claimed (only those it still holds), when it leaves nothing behind. */
export async function releaseKeys(ports: Pick<FilingPorts, 'submissions'>, keys: ReplayKeys): Promise<void> {
  for (const key of dedupeKeys(keys)) await ports.submissions.releaseDedupeKey(key, keys.submissionId);
}
