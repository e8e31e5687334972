import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { MemoryTokenStore } from '#shared/adapters/memory/memory-token-store.ts';
import { SequentialIds } from '#shared/adapters/memory/sequential-ids.ts';
import { issueToken, revokeToken } from '#shared/auth/tokens.ts';
import { createHandler } from '../../../functions/auth/authorizer.ts';
import { SEED_AGENCY } from '../filing/seed-report.ts';

function authorizerEvent(authorization?: string): APIGatewayRequestAuthorizerEventV2 {
  const headers: Record<string, string> = { host: 'api.gongkai.example', ...(authorization ? { authorization } : {}) };
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: 'arn:aws:execute-api:cn-north-1:111122223333:a1b2c3d4e5/$default/POST/v1/reports',
    identitySource: authorization ? [authorization] : [],
    routeKey: 'POST /v1/reports',
    rawPath: '/v1/reports',
    rawQueryString: '',
    cookies: [],
    headers,
    requestContext: {
      accountId: '111122223333',
      apiId: 'a1b2c3d4e5',
      domainName: 'api.gongkai.example',
      domainPrefix: 'api',
      http: {
        method: 'POST',
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
    const handler = createHandler(() => ports);
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
    const handler = createHandler(() => ports);
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
    const handler = createHandler(() => ports);
    expect((await handler(authorizerEvent(`Bearer ${token}`))).context).toEqual({ principal: 'anonymous' });
  });
});

async function registry() {
  const agencies = new MemoryAgencyRegistry();
  await agencies.create(SEED_AGENCY);
  return { clock: new ManualClock(), ids: new SequentialIds(), tokens: new MemoryTokenStore(), agencies };
}
