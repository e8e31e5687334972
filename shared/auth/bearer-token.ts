/**
 * Bearer tokens: `gk.<tokenId>.<secret>`. Only the sha256 of the whole token is stored, so a leaked table
 * leaks no token; the id lets a token be found, listed and revoked without ever being seen again.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const PREFIX = 'gk';

export function formatToken(tokenId: string, secret: string): string {
  return `${PREFIX}.${tokenId}.${secret}`;
}

/** The token id, or null when the string is not shaped like one of our tokens. */
export function tokenIdOf(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2]) return null;
  return parts[1];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time, so response timing does not reveal how much of a guessed token was right. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The token in an `Authorization: Bearer …` header value, or null. */
export function bearerTokenOf(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
