import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryMailer } from '#shared/adapters/memory/memory-mailer.ts';
import { MemorySignInOutbox } from '#shared/adapters/memory/memory-sign-in-outbox.ts';
import { MemoryContactDirectory, MemorySignInStore } from '#shared/adapters/memory/memory-sign-in-store.ts';
import { hashSessionId } from '#shared/auth/sessions.ts';
import { closeSession, openSession, requestSignInCode, resolveSession } from '#shared/auth/sign-in.ts';
import type { SignInPorts } from '#shared/auth/sign-in-ports.ts';

const STAFF = 'zgh@qujiang.example.org';
const STRANGER = 'nobody@example.org';
const WHO = { client: '198.51.100.7', userAgent: 'test' };
const MINUTE = 60_000;

let ports: SignInPorts & {
  clock: ManualClock;
  store: MemorySignInStore;
  contacts: MemoryContactDirectory;
  mailer: MemoryMailer;
  outbox: MemorySignInOutbox;
};

beforeEach(() => {
  const contacts = new MemoryContactDirectory();
  contacts.register(STAFF, { kind: 'agency', agencyId: 'qujiang-trade-union' });
  ports = {
    clock: new ManualClock(),
    store: new MemorySignInStore(),
    contacts,
    mailer: new MemoryMailer(),
    outbox: new MemorySignInOutbox(),
  };
});

/** The code in the newest mail, once the queued mails went out. */
async function mailedCode(): Promise<string> {
  await ports.outbox.deliver(ports);
  const text = ports.mailer.sent.at(-1)?.text ?? '';
  const code = /(\d{6})/.exec(text)?.[1];
  if (!code) throw new Error('no code mailed');
  return code;
}

async function signedIn(): Promise<string> {
  await requestSignInCode(ports, STAFF, WHO);
  const opened = await openSession(ports, STAFF, await mailedCode(), WHO);
  if (opened.outcome !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(opened)}`);
  return opened.sessionId;
}

describe('asking for a code', () => {
  it('mails a code to a registered address and answers an unregistered one the same, mailing nothing', async () => {
    await expect(requestSignInCode(ports, STAFF, WHO)).resolves.toEqual({ outcome: 'sent' });
    await expect(requestSignInCode(ports, STRANGER, WHO)).resolves.toEqual({ outcome: 'sent' });
    await ports.outbox.deliver(ports);
    expect(ports.mailer.sent.map((m) => m.to)).toEqual([[STAFF]]);
    expect(ports.store.audits.map((a) => [a.address, a.outcome])).toEqual([
      [STAFF, 'codeSent'],
      [STRANGER, 'notRegistered'],
    ]);
  });

  it('answers a registered and an unregistered address alike, storing and queuing a code for each', async () => {
    const replies = [await requestSignInCode(ports, STAFF, WHO), await requestSignInCode(ports, STRANGER, WHO)];
    expect(replies[1]).toEqual(replies[0]);
    for (const address of [STAFF, STRANGER]) {
      expect((await ports.store.address(address))?.state.code).toMatchObject({ hash: expect.any(String) });
    }
    expect(ports.outbox.posted.map((mail) => [mail.address, Object.keys(mail)])).toEqual([
      [STAFF, ['address', 'code', 'requestedAt', 'client', 'userAgent']],
      [STRANGER, ['address', 'code', 'requestedAt', 'client', 'userAgent']],
    ]);
    // Nothing left, nothing recorded yet: only the queue's consumer learns whether the address is registered.
    expect(ports.mailer.sent).toEqual([]);
    expect(ports.store.audits).toEqual([]);
  });

  it('records every attempt without the code', async () => {
    await requestSignInCode(ports, STAFF, WHO);
    const code = await mailedCode();
    await openSession(ports, STAFF, '000000', WHO);
    await openSession(ports, STAFF, code, WHO);
    expect(ports.store.audits.map((a) => a.outcome)).toEqual(['codeSent', 'wrongCode', 'accepted']);
    expect(JSON.stringify(ports.store.audits)).not.toContain(code);
    expect(ports.store.audits[2]?.principal).toEqual({ kind: 'agency', agencyId: 'qujiang-trade-union' });
  });
});

describe('presenting a code', () => {
  it('opens a session stored under its hash only', async () => {
    const sessionId = await signedIn();
    expect([...ports.store.sessions.keys()]).toEqual([hashSessionId(sessionId)]);
    await expect(resolveSession(ports, sessionId)).resolves.toEqual({
      kind: 'agency',
      agencyId: 'qujiang-trade-union',
    });
  });

  it('locks the address after five wrong codes, even against the right one', async () => {
    await requestSignInCode(ports, STAFF, WHO);
    const code = await mailedCode();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await openSession(ports, STAFF, '000000', WHO));
    expect(answers.slice(0, 4)).toEqual(Array(4).fill({ outcome: 'wrong' }));
    expect(answers[4]).toMatchObject({ outcome: 'locked' });
    await expect(openSession(ports, STAFF, code, WHO)).resolves.toMatchObject({ outcome: 'locked' });
    await expect(requestSignInCode(ports, STAFF, WHO)).resolves.toMatchObject({ outcome: 'locked' });
    ports.clock.advance(15 * MINUTE);
    await requestSignInCode(ports, STAFF, WHO);
    await expect(openSession(ports, STAFF, await mailedCode(), WHO)).resolves.toMatchObject({ outcome: 'accepted' });
  });

  it('answers a stranger five times wrong, then locked, exactly as a registered address', async () => {
    await requestSignInCode(ports, STRANGER, WHO);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await openSession(ports, STRANGER, '123456', WHO));
    expect(results.slice(0, 4)).toEqual(Array(4).fill({ outcome: 'wrong' }));
    expect(results[4]).toMatchObject({ outcome: 'locked' });
    expect(results[5]).toMatchObject({ outcome: 'locked' });
  });

  it('opens no session, and answers no guess, when the check of the code could not be stored', async () => {
    await requestSignInCode(ports, STAFF, WHO);
    const code = await mailedCode();
    // Another request on the address always writes first: neither spending the code nor counting a wrong one sticks.
    ports.store.saveAddress = async () => false;
    await expect(openSession(ports, STAFF, code, WHO)).resolves.toMatchObject({ outcome: 'throttled' });
    await expect(openSession(ports, STAFF, '000000', WHO)).resolves.toMatchObject({ outcome: 'throttled' });
    expect(ports.store.sessions.size).toBe(0);
    expect(ports.store.audits.slice(-2).map((a) => a.outcome)).toEqual(['throttled', 'throttled']);
  });

  it('throttles one client past thirty requests in fifteen minutes', async () => {
    for (let i = 0; i < 30; i++) await requestSignInCode(ports, `a${i}@example.org`, WHO);
    await expect(requestSignInCode(ports, STAFF, WHO)).resolves.toMatchObject({ outcome: 'throttled' });
    await expect(requestSignInCode(ports, STAFF, { ...WHO, client: '203.0.113.9' })).resolves.toEqual({
      outcome: 'sent',
    });
  });
});

describe('sessions', () => {
  it('end after thirty idle minutes, and each request restarts the idle clock', async () => {
    const sessionId = await signedIn();
    ports.clock.advance(29 * MINUTE);
    await expect(resolveSession(ports, sessionId)).resolves.not.toBeNull();
    ports.clock.advance(29 * MINUTE);
    await expect(resolveSession(ports, sessionId)).resolves.not.toBeNull();
    ports.clock.advance(30 * MINUTE);
    await expect(resolveSession(ports, sessionId)).resolves.toBeNull();
    expect(ports.store.sessions.size).toBe(0);
  });

  it('end eight hours after sign-in however busy', async () => {
    const sessionId = await signedIn();
    for (let i = 0; i < 16; i++) {
      ports.clock.advance(29 * MINUTE);
      await resolveSession(ports, sessionId);
    }
    ports.clock.advance(20 * MINUTE);
    await expect(resolveSession(ports, sessionId)).resolves.toBeNull();
  });

  it('end when the address is no longer a registered contact', async () => {
    const sessionId = await signedIn();
    ports.contacts.remove(STAFF);
    await expect(resolveSession(ports, sessionId)).resolves.toBeNull();
  });

  it('end server-side at sign-out, whatever copy of the cookie survives', async () => {
    const sessionId = await signedIn();
    await closeSession(ports, sessionId, WHO);
    await expect(resolveSession(ports, sessionId)).resolves.toBeNull();
    expect(ports.store.audits.at(-1)).toMatchObject({ event: 'signedOut', address: STAFF });
  });
});
