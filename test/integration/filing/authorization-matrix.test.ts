import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { type RouteAuth, tableEnvName } from '#infra/declaration.ts';
import { ofYear, SEED_TEXT } from '../../unit/filing/seed-report.ts';
import { type LocalApi, startLocalApi } from './local-api.ts';

const A = 'qujiang-trade-union';
const B = 'qujiang-education-bureau';
type Caller = 'anonymous' | 'agencyA' | 'agencyB' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'agencyA', 'agencyB', 'admin'];

let api: LocalApi;
let tokens: Record<Caller, string | undefined>;
const ids = { submission: '', agencyToken: '', adminToken: '' };

beforeAll(async () => {
  api = await startLocalApi();
  const { adminToken, demoTokens } = api.system;
  tokens = { anonymous: undefined, agencyA: demoTokens[A], agencyB: demoTokens[B], admin: adminToken };
  const filed = await api.request('POST', '/v1/reports', {
    token: tokens.agencyA,
    body: ofYear(SEED_TEXT, 2019),
    contentType: 'text/plain',
  });
  ids.submission = String(filed.body.submissionId);
  ids.agencyToken = String(
    (await api.request('POST', `/v1/admin/agencies/${A}/tokens`, { token: adminToken })).body.tokenId,
  );
  ids.adminToken = String((await api.request('POST', '/v1/admin/tokens', { token: adminToken })).body.tokenId);
});
afterAll(() => api.stop());

interface Case {
  readonly route: string;
  readonly path: () => string;
  readonly body?: () => { body: string; contentType: string };
  /** Expected status for anonymous, agency A, agency B, admin. */
  readonly expect: readonly [number, number, number, number];
}

const report = () => ({ body: SEED_TEXT, contentType: 'text/plain; charset=utf-8' });
const uploadJson = () => ({ body: JSON.stringify({ fileName: '年报.pdf' }), contentType: 'application/json' });
const agencyJson = (id: string) => () => ({
  body: JSON.stringify({ id, name: `测试机关${id}`, kind: 'department', region: '韶关市曲江区' }),
  contentType: 'application/json',
});

const CASES: readonly Case[] = [
  { route: 'GET /health', path: () => '/health', expect: [200, 200, 200, 200] },
  { route: 'POST /v1/reports', path: () => '/v1/reports?dryRun=true', body: report, expect: [401, 200, 403, 403] },
  { route: 'POST /v1/uploads', path: () => '/v1/uploads', body: uploadJson, expect: [401, 201, 201, 403] },
  {
    route: 'GET /v1/submissions/{submissionId}',
    path: () => `/v1/submissions/${ids.submission}`,
    expect: [401, 200, 404, 200],
  },
  {
    route: 'GET /v1/agencies/{agencyId}/reports',
    path: () => `/v1/agencies/${A}/reports`,
    expect: [401, 200, 404, 200],
  },
  {
    route: 'POST /v1/admin/agencies',
    path: () => '/v1/admin/agencies',
    body: agencyJson('matrix-agency'),
    expect: [401, 403, 403, 201],
  },
  { route: 'GET /v1/admin/agencies', path: () => '/v1/admin/agencies?limit=2', expect: [401, 403, 403, 200] },
  { route: 'GET /v1/admin/agencies/{agencyId}', path: () => `/v1/admin/agencies/${A}`, expect: [401, 403, 403, 200] },
  {
    route: 'PUT /v1/admin/agencies/{agencyId}',
    path: () => '/v1/admin/agencies/matrix-agency',
    body: agencyJson('matrix-agency'),
    expect: [401, 403, 403, 200],
  },
  {
    route: 'POST /v1/admin/agencies/{agencyId}/tokens',
    path: () => `/v1/admin/agencies/${A}/tokens`,
    expect: [401, 403, 403, 201],
  },
  {
    route: 'DELETE /v1/admin/agencies/{agencyId}/tokens/{tokenId}',
    path: () => `/v1/admin/agencies/${A}/tokens/${ids.agencyToken}`,
    expect: [401, 403, 403, 200],
  },
  { route: 'POST /v1/admin/tokens', path: () => '/v1/admin/tokens', expect: [401, 403, 403, 201] },
  {
    route: 'DELETE /v1/admin/tokens/{tokenId}',
    path: () => `/v1/admin/tokens/${ids.adminToken}`,
    expect: [401, 403, 403, 200],
  },
  {
    route: 'POST /v1/admin/imports',
    path: () => `/v1/admin/imports?agencyId=${A}&dryRun=true`,
    body: report,
    expect: [401, 403, 403, 200],
  },
];

/** What a route's declared auth alone decides, before its handler reads anything: 401 or 403, else null. */
function refusalOf(auth: RouteAuth, caller: Caller): number | null {
  if (auth === 'none') return null;
  if (caller === 'anonymous') return 401;
  if (auth === 'admin' && caller !== 'admin') return 403;
  if (auth === 'agency' && caller === 'admin') return 403;
  return null;
}

const declared = app.routes.map((r) => ({ route: `${r.method} ${r.path}`, path: r.path, auth: r.auth }));
const covered = new Set(CASES.map((c) => c.route));

describe('the authorization matrix', () => {
  it('has a full row for every route of the filing service, and only declared routes', () => {
    expect(CASES.map((c) => c.route).filter((r) => !declared.some((d) => d.route === r))).toEqual([]);
    expect(covered.size).toBe(CASES.length);
  });

  it('agrees with the declared auth wherever that alone decides', () => {
    for (const c of CASES) {
      const auth = declared.find((d) => d.route === c.route)?.auth ?? 'none';
      CALLERS.forEach((caller, i) => {
        const refusal = refusalOf(auth, caller);
        if (refusal !== null) expect(c.expect[i], `${c.route} for ${caller}`).toBe(refusal);
      });
    }
  });

  // Routes of other features: at least the callers their declared auth excludes are refused, with the API's body.
  const others = declared.flatMap((d) =>
    covered.has(d.route)
      ? []
      : CALLERS.flatMap((caller) => {
          const status = refusalOf(d.auth, caller);
          return status === null ? [] : [[d.route, caller, status, d.path.replace(/\{\w+\}/g, 'x')] as const];
        }),
  );
  it.each(others)('%s refuses %s with %i', async (route, caller, status, path) => {
    const [method = 'GET'] = route.split(' ');
    const res = await api.request(method, path, { token: tokens[caller] });
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });

  describe.each(CASES)('$route', (c) => {
    it.each(CALLERS.map((caller, i) => [caller, c.expect[i] ?? 0] as const))(
      'answers %s with %i',
      async (caller, status) => {
        const [method = 'GET'] = c.route.split(' ');
        const res = await api.request(method, c.path(), { token: tokens[caller], ...c.body?.() });
        expect(res.status).toBe(status);
        if (status >= 400) {
          expect(res.body.error).toMatchObject({
            code: expect.any(String),
            message: { zh: expect.any(String), en: expect.any(String) },
          });
        }
      },
    );
  });

  it('answers a revoked token as no token, and an unknown route with 404 and an error body', async () => {
    const issued = await api.request('POST', `/v1/admin/agencies/${A}/tokens`, { token: tokens.admin });
    const token = String(issued.body.token);
    expect((await api.request('GET', `/v1/agencies/${A}/reports`, { token })).status).toBe(200);
    await api.request('DELETE', `/v1/admin/agencies/${A}/tokens/${String(issued.body.tokenId)}`, {
      token: tokens.admin,
    });
    expect((await api.request('GET', `/v1/agencies/${A}/reports`, { token })).status).toBe(401);
    const unknown = await api.request('GET', '/v1/nothing-here', { token: tokens.admin });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toEqual(expect.any(String));
  });

  it('refuses the token of an agency whose registry record is gone, as no token', async () => {
    const id = 'dissolved-office';
    await api.request('POST', '/v1/admin/agencies', { token: tokens.admin, ...agencyJson(id)() });
    const issued = await api.request('POST', `/v1/admin/agencies/${id}/tokens`, { token: tokens.admin });
    const token = String(issued.body.token);
    expect((await api.request('GET', '/v1/me', { token })).status).toBe(200);
    const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const TableName = api.system.env[tableEnvName('registry')];
    await dynamo.send(new DeleteCommand({ TableName, Key: { pk: `AGENCY#${id}`, sk: 'AGENCY' } }));
    dynamo.destroy();
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['POST', '/v1/uploads'],
    ] as const) {
      const refused = await api.request(method, path, { token, ...(method === 'POST' ? uploadJson() : {}) });
      expect([refused.status, refused.body.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});
