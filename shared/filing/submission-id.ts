/** Submission ids for bytes filed in a request body are derived from the agency and the content (bytes and explanations). */
import { createHash } from 'node:crypto';

/**
 * The same agency filing the same content (`filingDigest`) always gets the same id, so a retry after a crash finds its own
 * half-finished work (and its own de-duplication keys) instead of being locked out by them.
 */
export function contentSubmissionId(agencyId: string, content: string): string {
  const hex = createHash('sha256').update(`${agencyId}\n${content}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
