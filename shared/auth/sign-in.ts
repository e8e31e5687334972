/**
 * Signing in by e-mail code: ask for a code, present it for a session, resolve a session on each request, sign
 * out. Every attempt and its outcome is audited. The answers never tell whether an address is registered: an
 * unregistered address is answered, counted, limited and locked exactly like a registered one, in the same time,
 * and only no mail goes out.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from './principal.ts';
import { hashSessionId, newSessionId, newSessionRecord, sessionEndsAt, sessionStanding } from './sessions.ts';
import { AUDITED_USER_AGENT_CHARS, auditor } from './sign-in-audit.ts';
import {
  checkCode,
  countClientRequest,
  EMPTY_ADDRESS,
  EMPTY_CLIENT,
  hashSignInCode,
  newSignInCode,
  type Refusal,
  requestCode,
  SIGN_IN_POLICY,
} from './sign-in-policy.ts';
import type { Revised, SignInClient, SignInPorts } from './sign-in-ports.ts';
import type { AddressState } from './sign-in-records.ts';

/** Conditional writes retried when a concurrent request on the same address or client wrote first. */
const WRITE_ATTEMPTS = 4;

export type CodeRequestOutcome = { readonly outcome: 'sent' } | Refusal;

/**
 * Every address gets a code, stored and queued alike; the queue's consumer mails only a registered one and
 * records the outcome (see `sign-in-mail.ts`). A refusal is recorded here, since nothing is queued for it.
 */
export async function requestSignInCode(
  ports: Pick<SignInPorts, 'clock' | 'store' | 'outbox'>,
  address: string,
  who: SignInClient,
): Promise<CodeRequestOutcome> {
  const now = ports.clock.now();
  const audit = auditor(ports, now, 'codeRequested', address, who);
  const counted = await countClient(ports, who.client, now);
  if (counted !== null) return audit('throttled', null, counted);
  const code = newSignInCode();
  const salt = randomBytes(16).toString('base64url');
  const hashed = { hash: hashSignInCode(code, address, salt), salt };
  const refused = await updateAddress(ports, address, (state) => requestCode(state, now, hashed));
  if (refused !== null) return audit(refused.outcome, null, refused);
  const userAgent = who.userAgent.slice(0, AUDITED_USER_AGENT_CHARS);
  await ports.outbox.post({ address, code, requestedAt: now.toISOString(), client: who.client, userAgent });
  return { outcome: 'sent' };
}

export type SessionOutcome =
  | { readonly outcome: 'accepted'; readonly sessionId: string; readonly principal: Principal }
  | { readonly outcome: 'wrong' }
  | Refusal;

/** `code` is null when what was typed is not six digits: still one wrong code. */
export async function openSession(
  ports: Pick<SignInPorts, 'clock' | 'store' | 'contacts'>,
  address: string,
  code: string | null,
  who: SignInClient,
): Promise<SessionOutcome> {
  const now = ports.clock.now();
  const audit = auditor(ports, now, 'codePresented', address, who);
  const counted = await countClient(ports, who.client, now);
  if (counted !== null) return audit('throttled', null, counted);
  let check: ReturnType<typeof checkCode> | undefined;
  // The check counts only once its state is stored: a code neither spent nor counted as wrong must decide nothing.
  const unstored = await updateAddress(ports, address, (state) => {
    check = checkCode(state, now, code, address);
    return { state: check.state };
  });
  if (unstored !== null || check === undefined) return audit('throttled', null, unstored ?? throttledNow(now));
  if (check.outcome === 'locked') return audit('locked', null, { outcome: 'locked', until: check.until });
  if (check.outcome === 'wrong') {
    const outcome = check.reason === 'expired' ? 'expiredCode' : check.reason === 'noCode' ? 'noCode' : 'wrongCode';
    return audit(outcome, null, { outcome: 'wrong' });
  }
  // Removed from the registry between the code and now: as good as no code.
  const principal = (await ports.contacts.principalsAt(address))[0];
  if (principal === undefined) return audit('noCode', null, { outcome: 'wrong' });
  const sessionId = newSessionId();
  const session = newSessionRecord(sessionId, principal, address, now);
  await ports.store.putSession(session, sessionEndsAt(session));
  return audit('accepted', principal, { outcome: 'accepted', sessionId, principal });
}

/**
 * The principal a session cookie stands for now, or null when it is unknown, over, or its address no longer
 * registered for that principal (removing a contact ends that person's sessions). A live session's idle clock
 * restarts.
 */
export async function resolveSession(
  ports: Pick<SignInPorts, 'clock' | 'store' | 'contacts'>,
  sessionId: string,
): Promise<Principal | null> {
  const now = ports.clock.now();
  const sessionHash = hashSessionId(sessionId);
  const session = await ports.store.session(sessionHash);
  if (session === null) return null;
  const standing = sessionStanding(session, now);
  if (standing === 'ended' || !(await ports.contacts.lists(session.principal, session.address))) {
    await ports.store.deleteSession(sessionHash);
    return null;
  }
  if (standing === 'touch') {
    const touched = { ...session, lastSeenAt: now.toISOString() };
    await ports.store.touchSession(sessionHash, touched.lastSeenAt, sessionEndsAt(touched));
  }
  return session.principal;
}

/** Ends the session server-side: the cookie is worth nothing afterwards, even if a copy of it survives. */
export async function closeSession(
  ports: Pick<SignInPorts, 'clock' | 'store'>,
  sessionId: string | null,
  who: SignInClient,
): Promise<void> {
  const now = ports.clock.now();
  const session = sessionId === null ? null : await ports.store.session(hashSessionId(sessionId));
  if (sessionId !== null) await ports.store.deleteSession(hashSessionId(sessionId));
  await auditor(ports, now, 'signedOut', session?.address ?? null, who)('signedOut', session?.principal ?? null, null);
}

async function countClient(ports: Pick<SignInPorts, 'store'>, client: string, now: Date): Promise<Refusal | null> {
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const stored = await ports.store.client(client);
    const counted = countClientRequest(stored?.state ?? EMPTY_CLIENT, now);
    if (!('state' in counted)) return counted;
    const keepUntil = new Date(now.getTime() + SIGN_IN_POLICY.clientWindowMs);
    if (await ports.store.saveClient(client, counted.state, stored?.revision ?? null, keepUntil)) return null;
  }
  return throttledNow(now);
}

/** Reads, applies, writes back conditionally; a refusal is returned as it is, with nothing written. */
async function updateAddress(
  ports: Pick<SignInPorts, 'clock' | 'store'>,
  address: string,
  apply: (state: AddressState) => { state: AddressState } | Refusal,
): Promise<Refusal | null> {
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const stored: Revised<AddressState> | null = await ports.store.address(address);
    const next = apply(stored?.state ?? EMPTY_ADDRESS);
    if (!('state' in next)) return next;
    if (await ports.store.saveAddress(address, next.state, stored?.revision ?? null, keepAddressUntil(next.state)))
      return null;
  }
  return throttledNow(ports.clock.now());
}

/** Long enough for every limit the state still carries; afterwards it is as if the address was never seen. */
function keepAddressUntil(state: AddressState): Date {
  const times = [
    ...state.sentAt.map((t) => Date.parse(t) + SIGN_IN_POLICY.addressWindowMs),
    state.lockedUntil === null ? 0 : Date.parse(state.lockedUntil),
    state.code === null ? 0 : Date.parse(state.code.expiresAt),
  ];
  return new Date(Math.max(...times, 0) + SIGN_IN_POLICY.lockoutMs);
}

function throttledNow(now: Date): Refusal {
  return { outcome: 'throttled', retryAt: new Date(now.getTime() + 60_000).toISOString() };
}
