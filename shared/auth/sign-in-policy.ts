/**
 * The rules of signing in by e-mail code, as pure transitions of one address's state and one client's state:
 * what a request for a code, or a presented code, does at a given moment. The stores only keep the state these
 * functions return (`sign-in.ts`). Limits follow GB/T 22239-2019 (等保 2.0) 8.1.4.1: login failures are handled by
 * ending the attempt, limiting illegal logins and locking after repeated failures; sessions end when idle.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AddressState, ClientState } from './sign-in-records.ts';

export const SIGN_IN_POLICY = {
  /** A code is good for ten minutes, once. */
  codeLifetimeMs: 10 * 60_000,
  /** Codes sent to one address within the window; past that, no code until the oldest leaves the window. */
  codesPerAddress: 5,
  addressWindowMs: 60 * 60_000,
  /** Wrong codes in a row that lock an address. */
  maxWrongCodes: 5,
  lockoutMs: 15 * 60_000,
  /** Requests (codes asked for and codes presented) from one client within the window. */
  requestsPerClient: 30,
  clientWindowMs: 15 * 60_000,
  /** A session ends after this long without a request, and in any case this long after sign-in. */
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 8 * 60 * 60_000,
} as const;
export type SignInPolicy = typeof SIGN_IN_POLICY;

export const EMPTY_ADDRESS: AddressState = { code: null, sentAt: [], wrongCodes: 0, lockedUntil: null };
export const EMPTY_CLIENT: ClientState = { requestsAt: [] };

/** A six-digit code, uniformly drawn (leading zeros kept). */
export function newSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Salted, and bound to the address, so a stored hash says nothing about another address's code. */
export function hashSignInCode(code: string, address: string, salt: string): string {
  return createHash('sha256').update(`${salt}\n${address}\n${code}`, 'utf8').digest('hex');
}

/** Digits only, once surrounding and inner spaces (a code copied as "123 456") are gone. */
export function normalizeSignInCode(input: string): string | null {
  const code = input.replace(/[\s\u3000]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** Addresses compare case-insensitively, without surrounding spaces. */
export function normalizeAddress(input: string): string {
  return input.trim().toLowerCase();
}

export type Refusal =
  | { readonly outcome: 'locked'; readonly until: string }
  | { readonly outcome: 'throttled'; readonly retryAt: string };

export function isLocked(state: AddressState, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** A client's request, counted; refused once the window holds `requestsPerClient`. */
export function countClientRequest(
  state: ClientState,
  now: Date,
  policy: SignInPolicy = SIGN_IN_POLICY,
): { state: ClientState } | Refusal {
  const recent = within(state.requestsAt, now, policy.clientWindowMs);
  if (recent.length >= policy.requestsPerClient) {
    return { outcome: 'throttled', retryAt: leavesWindow(recent, policy.clientWindowMs) };
  }
  return { state: { requestsAt: [...recent, now.toISOString()] } };
}

/**
 * A code asked for. Unregistered addresses go through the same steps with no code kept (`hash` null), so
 * neither the answer nor the limits tell whether an address is registered. A new code replaces the last one;
 * wrong codes keep counting across codes, so asking again does not buy more guesses.
 */
export function requestCode(
  state: AddressState,
  now: Date,
  code: { readonly hash: string; readonly salt: string } | null,
  policy: SignInPolicy = SIGN_IN_POLICY,
): { state: AddressState } | Refusal {
  if (state.lockedUntil !== null && isLocked(state, now)) return { outcome: 'locked', until: state.lockedUntil };
  const settled = afterLockout(state, now);
  const recent = within(settled.sentAt, now, policy.addressWindowMs);
  if (recent.length >= policy.codesPerAddress) {
    return { outcome: 'throttled', retryAt: leavesWindow(recent, policy.addressWindowMs) };
  }
  const expiresAt = new Date(now.getTime() + policy.codeLifetimeMs).toISOString();
  return {
    state: {
      ...settled,
      code: code === null ? null : { ...code, expiresAt },
      sentAt: [...recent, now.toISOString()],
    },
  };
}

export type CodeCheck =
  | { readonly outcome: 'accepted'; readonly state: AddressState }
  /** Why, for the audit record only: the caller is told "wrong" in every case. */
  | { readonly outcome: 'wrong'; readonly reason: 'mismatch' | 'expired' | 'noCode'; readonly state: AddressState }
  | { readonly outcome: 'locked'; readonly until: string; readonly state: AddressState };

/**
 * A code presented. A locked address is refused without looking at the code; the right code before it expires
 * is accepted once (the code is spent); anything else is one more wrong code, and the `maxWrongCodes`-th locks
 * the address and spends its code.
 */
export function checkCode(
  state: AddressState,
  now: Date,
  presented: string | null,
  address: string,
  policy: SignInPolicy = SIGN_IN_POLICY,
): CodeCheck {
  if (state.lockedUntil !== null && isLocked(state, now)) {
    return { outcome: 'locked', until: state.lockedUntil, state };
  }
  const settled = afterLockout(state, now);
  const { code } = settled;
  const live = code !== null && Date.parse(code.expiresAt) > now.getTime();
  if (live && presented !== null && sameHash(hashSignInCode(presented, address, code.salt), code.hash)) {
    return { outcome: 'accepted', state: { ...settled, code: null, wrongCodes: 0 } };
  }
  const wrongCodes = settled.wrongCodes + 1;
  if (wrongCodes >= policy.maxWrongCodes) {
    const until = new Date(now.getTime() + policy.lockoutMs).toISOString();
    return { outcome: 'locked', until, state: { ...settled, code: null, wrongCodes: 0, lockedUntil: until } };
  }
  const reason = code === null ? 'noCode' : live ? 'mismatch' : 'expired';
  return { outcome: 'wrong', reason, state: { ...settled, wrongCodes } };
}

/** A lockout that has run out is forgotten, with the wrong codes that caused it. */
function afterLockout(state: AddressState, now: Date): AddressState {
  return state.lockedUntil !== null && !isLocked(state, now) ? { ...state, lockedUntil: null, wrongCodes: 0 } : state;
}

function within(times: readonly string[], now: Date, windowMs: number): string[] {
  const from = now.getTime() - windowMs;
  return times.filter((t) => Date.parse(t) > from);
}

function leavesWindow(recent: readonly string[], windowMs: number): string {
  const oldest = Math.min(...recent.map((t) => Date.parse(t)));
  return new Date(oldest + windowMs).toISOString();
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
