/** What the sign-in table keeps: per address, per client, per session, and the audit trail of every attempt. */
import * as z from '#shared/zod.ts';
import { isoDateTime, nonNegativeInteger, nullableIsoDateTime, sha256Hex } from '#shared/zod-leaves.ts';
import { PrincipalSchema } from './principal.ts';

/** One address's sign-in state. The code is kept only as a salted sha256; the code itself never is. */
export const AddressStateSchema = z.lazy(() =>
  z.object({
    code: z.nullable(
      z.object({
        hash: sha256Hex,
        salt: z.string().check(z.minLength(1)),
        expiresAt: isoDateTime,
      }),
    ),
    /** When codes were sent (or asked for, unregistered), within the limit's window. */
    sentAt: z.array(isoDateTime),
    /** Wrong codes in a row since the last success or lockout. */
    wrongCodes: nonNegativeInteger,
    lockedUntil: nullableIsoDateTime,
  }),
);
export type AddressState = z.infer<typeof AddressStateSchema>;

export const ClientStateSchema = z.lazy(() => z.object({ requestsAt: z.array(isoDateTime) }));
export type ClientState = z.infer<typeof ClientStateSchema>;

/** A session, found by the sha256 of its cookie value; the value itself is only ever in the browser. */
export const SessionRecordSchema = z.lazy(() =>
  z.object({
    sessionHash: sha256Hex,
    principal: PrincipalSchema,
    /** The registered address it was opened with: the session lasts only while the address stays registered. */
    address: z.string().check(z.minLength(3)),
    createdAt: isoDateTime,
    lastSeenAt: isoDateTime,
  }),
);
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
export const SignInAuditSchema = z.lazy(() =>
  z.object({
    at: isoDateTime,
    event: z.enum(SIGN_IN_EVENTS),
    outcome: z.enum(SIGN_IN_OUTCOMES),
    address: z.nullable(z.string()),
    /** The client's address as the edge saw it. */
    client: z.string(),
    userAgent: z.string(),
    principal: z.nullable(PrincipalSchema),
  }),
);
export type SignInAudit = z.infer<typeof SignInAuditSchema>;
