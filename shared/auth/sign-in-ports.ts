/** What signing in by e-mail code stands on: the sign-in table, the registry's contacts, the code's outbox, a clock. */
import type { Clock } from '#shared/ports.ts';
import type { Principal } from './principal.ts';
import type { SignInCodeOutbox } from './sign-in-mail.ts';
import type { AddressState, ClientState, SessionRecord, SignInAudit } from './sign-in-records.ts';

/** A stored state with the revision it was read at (null: none stored), for a conditional write back. */
export interface Revised<S> {
  readonly state: S;
  readonly revision: number | null;
}

export interface SignInStore {
  address(address: string): Promise<Revised<AddressState> | null>;
  /** Writes only if the stored revision is still `revision`; false when another request wrote first. */
  saveAddress(address: string, state: AddressState, revision: number | null, keepUntil: Date): Promise<boolean>;
  client(client: string): Promise<Revised<ClientState> | null>;
  saveClient(client: string, state: ClientState, revision: number | null, keepUntil: Date): Promise<boolean>;
  putSession(session: SessionRecord, keepUntil: Date): Promise<void>;
  session(sessionHash: string): Promise<SessionRecord | null>;
  touchSession(sessionHash: string, lastSeenAt: string, keepUntil: Date): Promise<void>;
  deleteSession(sessionHash: string): Promise<void>;
  audit(record: SignInAudit): Promise<void>;
}

/** Who a registered contact address signs in as: the agencies and offices that list it, agencies first. */
export interface ContactDirectory {
  principalsAt(address: string): Promise<Principal[]>;
  /**
   * Whether `principal` still lists `address`, from its own registry entry alone: one read, since every
   * request with a session cookie asks it.
   */
  lists(principal: Principal, address: string): Promise<boolean>;
}

export interface SignInPorts {
  readonly clock: Clock;
  readonly store: SignInStore;
  readonly contacts: ContactDirectory;
  readonly outbox: SignInCodeOutbox;
}

/** Who is asking, as the audit records it. */
export interface SignInClient {
  readonly client: string;
  readonly userAgent: string;
}
