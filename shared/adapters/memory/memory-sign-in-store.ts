import { type Principal, samePrincipal } from '#shared/auth/principal.ts';
import type { ContactDirectory, Revised, SignInStore } from '#shared/auth/sign-in-ports.ts';
import type { AddressState, ClientState, SessionRecord, SignInAudit } from '#shared/auth/sign-in-records.ts';

/** The sign-in table in memory, with the same conditional writes; the audit trail stays readable for tests. */
export class MemorySignInStore implements SignInStore {
  readonly audits: SignInAudit[] = [];
  readonly #addresses = new Map<string, Revised<AddressState> & { revision: number }>();
  readonly #clients = new Map<string, Revised<ClientState> & { revision: number }>();
  readonly sessions = new Map<string, SessionRecord>();

  async address(address: string) {
    return structuredClone(this.#addresses.get(address) ?? null);
  }
  async saveAddress(address: string, state: AddressState, revision: number | null) {
    return save(this.#addresses, address, state, revision);
  }
  async client(client: string) {
    return structuredClone(this.#clients.get(client) ?? null);
  }
  async saveClient(client: string, state: ClientState, revision: number | null) {
    return save(this.#clients, client, state, revision);
  }
  async putSession(session: SessionRecord) {
    this.sessions.set(session.sessionHash, structuredClone(session));
  }
  async session(sessionHash: string) {
    return structuredClone(this.sessions.get(sessionHash) ?? null);
  }
  async touchSession(sessionHash: string, lastSeenAt: string) {
    const session = this.sessions.get(sessionHash);
    if (session) this.sessions.set(sessionHash, { ...session, lastSeenAt });
  }
  async deleteSession(sessionHash: string) {
    this.sessions.delete(sessionHash);
  }
  async audit(record: SignInAudit) {
    this.audits.push(structuredClone(record));
  }
}

function save<S>(
  map: Map<string, { state: S; revision: number }>,
  key: string,
  state: S,
  revision: number | null,
): boolean {
  const stored = map.get(key);
  if ((stored?.revision ?? null) !== revision) return false;
  map.set(key, { state: structuredClone(state), revision: (revision ?? 0) + 1 });
  return true;
}

/** Contacts as a fixed table of address → principals, for unit tests. */
export class MemoryContactDirectory implements ContactDirectory {
  readonly #contacts = new Map<string, Principal[]>();
  register(address: string, principal: Principal): void {
    this.#contacts.set(address, [...(this.#contacts.get(address) ?? []), principal]);
  }
  remove(address: string): void {
    this.#contacts.delete(address);
  }
  async principalsAt(address: string): Promise<Principal[]> {
    return structuredClone(this.#contacts.get(address) ?? []);
  }
  async lists(principal: Principal, address: string): Promise<boolean> {
    return (this.#contacts.get(address) ?? []).some((p) => samePrincipal(p, principal));
  }
}
