import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoContactDirectory } from '#shared/adapters/aws/dynamo-contact-directory.ts';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemorySignInStore } from '#shared/adapters/memory/memory-sign-in-store.ts';
import { hashSessionId, newSessionId, newSessionRecord } from '#shared/auth/sessions.ts';
import { resolveSession } from '#shared/auth/sign-in.ts';
import { SEED_AGENCY } from '../filing/seed-report.ts';

const STAFF = 'zgh@qujiang.example.org';
const AGENCY = { kind: 'agency', agencyId: SEED_AGENCY.id } as const;

/** The directory over a table that answers every contact query with the agency's entry, counting each read. */
function countedDirectory(contactEmails: string[]) {
  const reads: string[] = [];
  const client = {
    send: async (command: object) => {
      reads.push(command.constructor.name);
      return { Items: [{ pk: `CONTACT#${STAFF}`, sk: `AGENCY#${SEED_AGENCY.id}` }] };
    },
  } as unknown as DynamoDBDocumentClient;
  const directory = new DynamoContactDirectory(client, 'registry', {
    agencies: {
      get: async (id) => {
        reads.push(`agency ${id}`);
        return id === SEED_AGENCY.id ? { ...SEED_AGENCY, contactEmails } : null;
      },
    },
    offices: {
      get: async (id) => {
        reads.push(`office ${id}`);
        return null;
      },
    },
  });
  return { directory, reads };
}

async function liveSession(store: MemorySignInStore, clock: ManualClock): Promise<string> {
  const sessionId = newSessionId();
  await store.putSession(newSessionRecord(sessionId, AGENCY, STAFF, clock.now()));
  return sessionId;
}

describe('resolving a session cookie', () => {
  it("re-checks the address with one read of the session's own agency, and no contact query", async () => {
    const { directory, reads } = countedDirectory(['ZGH@qujiang.example.org']);
    const ports = { clock: new ManualClock(), store: new MemorySignInStore(), contacts: directory };
    const sessionId = await liveSession(ports.store, ports.clock);
    await expect(resolveSession(ports, sessionId)).resolves.toEqual(AGENCY);
    expect(reads).toEqual([`agency ${SEED_AGENCY.id}`]);
  });

  it('ends the session, after the same one read, once the agency no longer lists the address', async () => {
    const { directory, reads } = countedDirectory(['other@qujiang.example.org']);
    const ports = { clock: new ManualClock(), store: new MemorySignInStore(), contacts: directory };
    const sessionId = await liveSession(ports.store, ports.clock);
    await expect(resolveSession(ports, sessionId)).resolves.toBeNull();
    expect(reads).toEqual([`agency ${SEED_AGENCY.id}`]);
    expect(ports.store.sessions.has(hashSessionId(sessionId))).toBe(false);
  });
});
