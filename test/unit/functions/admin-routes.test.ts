import { describe, expect, it } from 'vitest';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { MemoryOfficeRegistry } from '#shared/adapters/memory/memory-office-registry.ts';
import { MemoryTokenStore } from '#shared/adapters/memory/memory-token-store.ts';
import { SequentialIds } from '#shared/adapters/memory/sequential-ids.ts';
import { resolveToken } from '#shared/auth/tokens.ts';
import type { RegistryPorts } from '#shared/ports.ts';
import { createHandler as createAgency } from '../../../functions/http/create-agency.ts';
import { createHandler as issueAgencyToken } from '../../../functions/http/issue-agency-token.ts';
import { createHandler as listAgencies } from '../../../functions/http/list-agencies.ts';
import { createHandler as revokeAgencyToken } from '../../../functions/http/revoke-agency-token.ts';
import { createHandler as updateAgency } from '../../../functions/http/update-agency.ts';
import { OTHER_AGENCY, SEED_AGENCY } from '../filing/seed-report.ts';
import { ADMIN_CALLER, AGENCY_CALLER, call, httpEvent } from './http-event.ts';

function registry(): RegistryPorts & { tokens: MemoryTokenStore } {
  return {
    clock: new ManualClock(),
    ids: new SequentialIds(),
    agencies: new MemoryAgencyRegistry(),
    offices: new MemoryOfficeRegistry(),
    tokens: new MemoryTokenStore(),
  };
}

const JSON_TYPE = 'application/json';

describe('admin routes', () => {
  it('register an agency (201), refuse it twice (409) and list it', async () => {
    const ports = registry();
    const create = createAgency(() => ports);
    const event = httpEvent('POST /v1/admin/agencies', {
      principal: ADMIN_CALLER,
      body: JSON.stringify(SEED_AGENCY),
      contentType: JSON_TYPE,
    });
    expect((await call(create, event)).statusCode).toBe(201);
    const again = await call(create, structuredClone(event));
    expect(again.statusCode).toBe(409);
    expect(again.body.error?.code).toBe('AGENCY_EXISTS');
    const list = await call(
      listAgencies(() => ports),
      httpEvent('GET /v1/admin/agencies', { principal: ADMIN_CALLER }),
    );
    expect(list.body).toEqual({ agencies: [SEED_AGENCY] });
  });

  it.each([
    ['malformed JSON', '{"id":', JSON_TYPE, 400, 'MALFORMED_JSON'],
    ['a form instead of JSON', 'id=x', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an invalid entry', '{"id":"X Y"}', JSON_TYPE, 400, 'INVALID_REQUEST'],
  ] as const)('refuse %s with %i %s', async (_, body, contentType, status, code) => {
    const res = await call(
      createAgency(() => registry()),
      httpEvent('POST /v1/admin/agencies', { principal: ADMIN_CALLER, body, contentType }),
    );
    expect(res.statusCode).toBe(status);
    expect(res.body.error?.code).toBe(code);
  });

  it('are refused to an agency token with 403', async () => {
    const res = await call(
      createAgency(() => registry()),
      httpEvent('POST /v1/admin/agencies', { principal: AGENCY_CALLER, body: '{}', contentType: JSON_TYPE }),
    );
    expect(res.statusCode).toBe(403);
  });

  it('replace an agency by its path id', async () => {
    const ports = registry();
    await ports.agencies.create(SEED_AGENCY);
    const res = await call(
      updateAgency(() => ports),
      httpEvent('PUT /v1/admin/agencies/{agencyId}', {
        principal: ADMIN_CALLER,
        pathParameters: { agencyId: SEED_AGENCY.id },
        body: JSON.stringify({ ...SEED_AGENCY, id: undefined, deadlineOverride: '02-15' }),
        contentType: JSON_TYPE,
      }),
    );
    expect(res.statusCode).toBe(200);
    expect((await ports.agencies.get(SEED_AGENCY.id))?.deadlineOverride).toBe('02-15');
  });

  it('issue an agency token once and revoke it by id, only through its own agency', async () => {
    const ports = registry();
    await ports.agencies.create(SEED_AGENCY);
    const issued = await call(
      issueAgencyToken(() => ports),
      httpEvent('POST /v1/admin/agencies/{agencyId}/tokens', {
        principal: ADMIN_CALLER,
        pathParameters: { agencyId: SEED_AGENCY.id },
      }),
    );
    expect(issued.statusCode).toBe(201);
    const { token, tokenId } = issued.body as { token: string; tokenId: string };
    expect(await resolveToken(ports.tokens, token)).toEqual({ kind: 'agency', agencyId: SEED_AGENCY.id });

    const revoke = revokeAgencyToken(() => ports);
    const route = 'DELETE /v1/admin/agencies/{agencyId}/tokens/{tokenId}';
    const wrong = await call(
      revoke,
      httpEvent(route, { principal: ADMIN_CALLER, pathParameters: { agencyId: OTHER_AGENCY.id, tokenId } }),
    );
    expect(wrong.statusCode).toBe(404);
    const right = await call(
      revoke,
      httpEvent(route, { principal: ADMIN_CALLER, pathParameters: { agencyId: SEED_AGENCY.id, tokenId } }),
    );
    expect(right.statusCode).toBe(200);
    expect(await resolveToken(ports.tokens, token)).toBeNull();
  });

  it('refuse a token for an unregistered agency with 404', async () => {
    const res = await call(
      issueAgencyToken(() => registry()),
      httpEvent('POST /v1/admin/agencies/{agencyId}/tokens', {
        principal: ADMIN_CALLER,
        pathParameters: { agencyId: 'nobody' },
      }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.body.error?.code).toBe('AGENCY_NOT_FOUND');
  });
});
