/** What the sign-in table keeps: per address, per client, per session, and the audit trail of every attempt. */
import * as z from 'zod';
import { PrincipalSchema } from './principal.ts';

const Instant = z.iso.datetime();

/** One address's sign-in state. The code is kept only as a salted sha256; the code itself never is. */
export const AddressStateSchema = z.object({
  code: z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), salt: z.string().min(1), expiresAt: Instant }).nullable(),
  /** When codes were sent (or asked for, unregistered), within the limit's window. */
  sentAt: z.array(Instant),
  /** Wrong codes in a row since the last success or lockout. */
  wrongCodes: z.number().int().nonnegative(),
  lockedUntil: Instant.nullable(),
});
export type AddressState = z.infer<typeof AddressStateSchema>;

export const ClientStateSchema = z.object({ requestsAt: z.array(Instant) });
export type ClientState = z.infer<typeof ClientStateSchema>;

/** A session, found by the sha256 of its cookie value; the value itself is only ever in the browser. */
export const SessionRecordSchema = z.object({
  sessionHash: z.string().regex(/^[0-9a-f]{64}$/),
  principal: PrincipalSchema,
  /** The registered address it was opened with: the session lasts only while the address stays registered. */
  address: z.string().min(3),
  createdAt: Instant,
  lastSeenAt: Instant,
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

export const SIGN_IN_EVENTS = ['codeRequested', 'codePresented', 'signedOut'] as const;
export const SIGN_IN_OUTCOMES = [
  'codeSent',
  'notRegistered',
  'accepted',
  'wrongCode',
  'expiredCode',
  'noCode',
  'locked',
  'throttled',
  'signedOut',
] as const;

/** One attempt and its outcome, for the security audit (等保 8.1.4.3). Never the code, never the session id. */
export const SignInAuditSchema = z.object({
  at: Instant,
  event: z.enum(SIGN_IN_EVENTS),
  outcome: z.enum(SIGN_IN_OUTCOMES),
  address: z.string().nullable(),
  /** The client's address as the edge saw it. */
  client: z.string(),
  userAgent: z.string(),
  principal: PrincipalSchema.nullable(),
});
export type SignInAudit = z.infer<typeof SignInAuditSchema>;
