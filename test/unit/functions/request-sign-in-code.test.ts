/**
 * Asking for a code must not tell, by its answer or by how long it takes, whether an address is registered: the
 * mail leaves through the queue after the answer, so a mail service that hangs cannot hold a registered
 * address's answer back while an unregistered one's returns at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryContactDirectory, MemorySignInStore } from '#shared/adapters/memory/memory-sign-in-store.ts';
import { mailSignInCode, type SignInCodeMail } from '#shared/auth/sign-in-mail.ts';
import type { Mailer } from '#shared/ports.ts';
import { createHandler } from '../../../functions/http/request-sign-in-code.ts';
import { call, httpEvent } from './http-event.ts';

const STAFF = 'zgh@qujiang.example.org';
const STRANGER = 'nobody@example.org';

/** A mail service that accepts the connection and never answers. */
const hangingMailer: Mailer & { calls: number } = {
  calls: 0,
  send() {
    hangingMailer.calls += 1;
    return new Promise(() => {});
  },
};

function world() {
  const contacts = new MemoryContactDirectory();
  contacts.register(STAFF, { kind: 'agency', agencyId: 'qujiang-trade-union' });
  const store = new MemorySignInStore();
  const consumer = { store, contacts, mailer: hangingMailer };
  // The queue as the local runner runs it: the consumer starts on its own, and nobody waits for it.
  const outbox = { post: async (mail: SignInCodeMail) => void mailSignInCode(consumer, mail) };
  return { clock: new ManualClock(), store, contacts, mailer: hangingMailer, outbox };
}

async function ask(handler: ReturnType<typeof createHandler>, email: string) {
  const event = httpEvent('POST /v1/sign-in/codes', {
    body: JSON.stringify({ email }),
    contentType: 'application/json',
  });
  const answered = call(handler, event);
  // Generous: only a reply that waits for the hanging mail service misses it.
  const answer = await Promise.race([answered, sleep(5_000).then(() => 'blocked on the mail' as const)]);
  return JSON.parse(JSON.stringify(answer).replaceAll(email, '<address>'));
}

describe('POST /v1/sign-in/codes', () => {
  it('answers a registered and an unregistered address alike, without waiting for the mail', async () => {
    const ports = world();
    const handler = createHandler(() => ports);
    const registered = await ask(handler, STAFF);
    const unregistered = await ask(handler, STRANGER);
    expect(registered).toMatchObject({ statusCode: 202, body: { status: 'sent' } });
    expect(unregistered).toEqual(registered);
    await expect(ports.store.address(STAFF)).resolves.toMatchObject({ state: { code: { hash: expect.any(String) } } });
    await sleep(0);
    expect(hangingMailer.calls).toBe(1);
  });
});
