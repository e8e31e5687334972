/**
 * Browser sessions: an unguessable id in an HttpOnly, Secure, SameSite=Strict cookie, stored server-side under
 * its sha256 only. A session ends when idle (sliding) or at its absolute cap, whichever comes first, and at once
 * when its holder signs out.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from './principal.ts';
import { SIGN_IN_POLICY, type SignInPolicy } from './sign-in-policy.ts';
import type { SessionRecord } from './sign-in-records.ts';

/**
 * `__Host-`: the browser keeps it only if it was set Secure, from a secure origin, with Path=/ and no Domain, so
 * neither a sibling subdomain nor plain http can plant or shadow it. Chromium and Firefox count http://localhost
 * as a secure origin, which is what lets the local runner use the same cookie.
 */
export const SESSION_COOKIE = '__Host-gongkai-session';

/** No Max-Age: the browser drops it when it closes; the server's limits end it sooner. */
const COOKIE_ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Strict';

/** Writes between two requests of a session are skipped when it was touched this recently. */
const TOUCH_EVERY_MS = 60_000;

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('hex');
}

export function sessionCookie(sessionId: string): string {
  return `${SESSION_COOKIE}=${sessionId}; ${COOKIE_ATTRIBUTES}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
}

/** The session id among a request's cookies (API Gateway payload 2.0 lists them one `name=value` each). */
export function sessionIdOf(cookies: readonly string[] | undefined): string | null {
  for (const cookie of cookies ?? []) {
    for (const pair of cookie.split(';')) {
      const at = pair.indexOf('=');
      if (at !== -1 && pair.slice(0, at).trim() === SESSION_COOKIE) {
        const value = pair.slice(at + 1).trim();
        return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
      }
    }
  }
  return null;
}

export function newSessionRecord(sessionId: string, principal: Principal, address: string, now: Date): SessionRecord {
  const at = now.toISOString();
  return { sessionHash: hashSessionId(sessionId), principal, address, createdAt: at, lastSeenAt: at };
}

/** When the session ends if nothing happens: the idle limit from its last request, capped by its absolute limit. */
export function sessionEndsAt(session: SessionRecord, policy: SignInPolicy = SIGN_IN_POLICY): Date {
  const idle = Date.parse(session.lastSeenAt) + policy.idleTimeoutMs;
  const absolute = Date.parse(session.createdAt) + policy.absoluteTimeoutMs;
  return new Date(Math.min(idle, absolute));
}

/** Live, live and due a touch (its idle clock restarts now), or over. */
export function sessionStanding(
  session: SessionRecord,
  now: Date,
  policy: SignInPolicy = SIGN_IN_POLICY,
): 'live' | 'touch' | 'ended' {
  if (now.getTime() >= sessionEndsAt(session, policy).getTime()) return 'ended';
  return now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS ? 'touch' : 'live';
}
