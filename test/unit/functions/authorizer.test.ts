import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { MemoryMailer } from '#shared/adapters/memory/memory-mailer.ts';
import { MemorySignInOutbox } from '#shared/adapters/memory/memory-sign-in-outbox.ts';
import { MemoryContactDirectory, MemorySignInStore } from '#shared/adapters/memory/memory-sign-in-store.ts';
import { MemoryTokenStore } from '#shared/adapters/memory/memory-token-store.ts';
import { SequentialIds } from '#shared/adapters/memory/sequential-ids.ts';
import { SESSION_COOKIE } from '#shared/auth/sessions.ts';
import { openSession, requestSignInCode } from '#shared/auth/sign-in.ts';
import { issueToken, revokeToken } from '#shared/auth/tokens.ts';
import { createHandler } from '../../../functions/auth/authorizer.ts';
import { SEED_AGENCY } from '../filing/seed-report.ts';

interface Browser {
  readonly cookies?: string[];
  readonly headers?: Record<string, string>;
  readonly method?: string;
}

function authorizerEvent(authorization?: string, browser: Browser = {}): APIGatewayRequestAuthorizerEventV2 {
  const headers: Record<string, string> = {
    host: 'api.gongkai.example',
    ...(authorization ? { authorization } : {}),
    ...browser.headers,
  };
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:cn-north-1:111122223333:a1b2c3d4e5/$default/POST/v1/reports',
    identitySource: authorization ? [authorization] : [],
    routeKey: 'POST /v1/reports',
    rawPath: '/v1/reports',
    rawQueryString: '',
    cookies: browser.cookies ?? [],
    headers,
    requestContext: {
      accountId: '111122223333',
      apiId: 'a1b2c3d4e5',
      domainName: 'api.gongkai.example',
      domainPrefix: 'api',
      http: {
        method: browser.method ?? 'POST',
        path: '/v1/reports',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.15',
        userAgent: 'curl/8.5.0',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: 'POST /v1/reports',
      stage: '$default',
      time: '06/Jan/2023:02:15:30 +0000',
      timeEpoch: 1672971330000,
    },
  };
}

describe('the authorizer', () => {
  it('always authorizes, carrying the principal of a valid agency token', async () => {
    const ports = await registry();
    const { token } = await issueToken(ports, { kind: 'agency', agencyId: 'qujiang-trade-union' });
    const handler = createHandler(
      () => ports,
      () => sessions(),
    );
    expect(await handler(authorizerEvent(`Bearer ${token}`))).toEqual({
      isAuthorized: true,
      context: { principal: 'agency', agencyId: 'qujiang-trade-union' },
    });
  });

  it('carries "admin" for an admin token and "anonymous" for a missing, unknown or revoked one', async () => {
    const ports = await registry();
    const admin = await issueToken(ports, { kind: 'admin' });
    const revoked = await issueToken(ports, { kind: 'admin' });
    await revokeToken(ports, { kind: 'admin' }, revoked.tokenId);
    const handler = createHandler(
      () => ports,
      () => sessions(),
    );
    expect((await handler(authorizerEvent(`Bearer ${admin.token}`))).context).toEqual({ principal: 'admin' });
    for (const header of [undefined, 'Bearer gk.nope.nope', `Bearer ${revoked.token}`, admin.token]) {
      expect(await handler(authorizerEvent(header))).toEqual({
        isAuthorized: true,
        context: { principal: 'anonymous' },
      });
    }
  });

  it('carries "anonymous" for the token of an agency whose record is gone', async () => {
    const ports = await registry();
    const { token } = await issueToken(ports, { kind: 'agency', agencyId: 'dissolved-office' });
    const handler = createHandler(
      () => ports,
      () => sessions(),
    );
    expect((await handler(authorizerEvent(`Bearer ${token}`))).context).toEqual({ principal: 'anonymous' });
  });
});

describe('the authorizer with a session cookie', () => {
  const STAFF = 'zgh@qujiang.example.org';
  const WHO = { client: '203.0.113.15', userAgent: 'test' };

  async function signedIn() {
    const ports = { ...sessions(), mailer: new MemoryMailer(), outbox: new MemorySignInOutbox() };
    ports.contacts.register(STAFF, { kind: 'agency', agencyId: 'qujiang-trade-union' });
    await requestSignInCode(ports, STAFF, WHO);
    await ports.outbox.deliver(ports);
    const code = /(\d{6})/.exec(ports.mailer.sent[0]?.text ?? '')?.[1] ?? '';
    const opened = await openSession(ports, STAFF, code, WHO);
    if (opened.outcome !== 'accepted') throw new Error('not signed in');
    const handler = createHandler(registryFor, () => ports);
    return { handler, cookie: `${SESSION_COOKIE}=${opened.sessionId}` };
  }
  const registryFor = () => ({ tokens: new MemoryTokenStore(), agencies: new MemoryAgencyRegistry() });
  const AGENCY = { principal: 'agency', agencyId: 'qujiang-trade-union' };

  it('carries the principal of a live session, for reads and for same-origin writes', async () => {
    const { handler, cookie } = await signedIn();
    const read = await handler(authorizerEvent(undefined, { cookies: [cookie], method: 'GET' }));
    expect(read.context).toEqual(AGENCY);
    const fetchMetadata = { cookies: [cookie], headers: { 'sec-fetch-site': 'same-origin' } };
    expect((await handler(authorizerEvent(undefined, fetchMetadata))).context).toEqual(AGENCY);
    const origin = { cookies: [cookie], headers: { origin: 'https://api.gongkai.example' } };
    expect((await handler(authorizerEvent(undefined, origin))).context).toEqual(AGENCY);
  });

  it('ignores the cookie on a write that does not show it comes from this origin', async () => {
    const { handler, cookie } = await signedIn();
    for (const headers of [
      {},
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ]) {
      const answer = await handler(authorizerEvent(undefined, { cookies: [cookie], headers }));
      expect(answer.context, JSON.stringify(headers)).toEqual({ principal: 'anonymous' });
    }
  });

  it('ignores an unknown or malformed session cookie', async () => {
    const { handler } = await signedIn();
    for (const cookie of [`${SESSION_COOKIE}=${'A'.repeat(43)}`, `${SESSION_COOKIE}=short`, 'other=1']) {
      const answer = await handler(authorizerEvent(undefined, { cookies: [cookie], method: 'GET' }));
      expect(answer.context).toEqual({ principal: 'anonymous' });
    }
  });
});

function sessions() {
  return { clock: new ManualClock(), store: new MemorySignInStore(), contacts: new MemoryContactDirectory() };
}

async function registry() {
  const agencies = new MemoryAgencyRegistry();
  await agencies.create(SEED_AGENCY);
  return { clock: new ManualClock(), ids: new SequentialIds(), tokens: new MemoryTokenStore(), agencies };
}
