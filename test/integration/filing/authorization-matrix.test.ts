import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { type RouteAuth, tableEnvName } from '#infra/declaration.ts';
import { REVIEW_CONFIG_ENV } from '#shared/review/review-config.ts';
import { ofYear, SEED_TEXT } from '../../unit/filing/seed-report.ts';
import { type LocalApi, startLocalApi } from './local-api.ts';

const A = 'qujiang-trade-union';
const B = 'qujiang-education-bureau';
/**
 * A and B are agencies of 曲江区 (440205); office A is 曲江区's office, the other office 洪泽区's (320813). 曲江区
 * reviews its departments' filings, so B's (a department's) wait for office A; A's (no department's) do not.
 */
type Caller = 'anonymous' | 'agencyA' | 'agencyB' | 'officeA' | 'officeOther' | 'admin';
const CALLERS: readonly Caller[] = ['anonymous', 'agencyA', 'agencyB', 'officeA', 'officeOther', 'admin'];

let api: LocalApi;
let tokens: Record<Caller, string | undefined>;
const ids = { submission: '', agencyToken: '', adminToken: '', toAccept: '', toReturn: '' };
const REVIEW = JSON.stringify({ regions: { '440205': { department: true } } });
const OTHER_OFFICE = { id: 'hongze-office', name: '淮安市洪泽区人民政府办公室', regionCode: '320813' };

beforeAll(async () => {
  api = await startLocalApi({ configuration: { [REVIEW_CONFIG_ENV]: REVIEW } });
  const { adminToken, demoTokens } = api.system;
  await api.request('POST', '/v1/admin/offices', {
    token: adminToken,
    body: JSON.stringify(OTHER_OFFICE),
    contentType: 'application/json',
  });
  const otherOffice = await api.request('POST', `/v1/admin/offices/${OTHER_OFFICE.id}/tokens`, { token: adminToken });
  tokens = {
    anonymous: undefined,
    agencyA: demoTokens[A],
    agencyB: demoTokens[B],
    officeA: demoTokens['qujiang-office'],
    officeOther: String(otherOffice.body.token),
    admin: adminToken,
  };
  const filed = await api.request('POST', '/v1/reports', {
    token: tokens.agencyA,
    body: ofYear(SEED_TEXT, 2019),
    contentType: 'text/plain',
  });
  ids.submission = String(filed.body.submissionId);
  for (const [key, year] of [
    ['toAccept', 2019],
    ['toReturn', 2020],
  ] as const) {
    const held = await api.request('POST', '/v1/reports', {
      token: tokens.agencyB,
      body: ofYear(SEED_TEXT.replaceAll('韶关市曲江区总工会', '韶关市曲江区教育局'), year),
      contentType: 'text/plain',
    });
    expect(held.body).toMatchObject({ status: 'accepted', heldForReview: true });
    ids[key] = String(held.body.submissionId);
  }
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
  /** Expected status for anonymous, agency A, agency B, office of A's county, office of another county, admin. */
  readonly expect: readonly [number, number, number, number, number, number];
}

const report = () => ({ body: SEED_TEXT, contentType: 'text/plain; charset=utf-8' });
const uploadJson = () => ({ body: JSON.stringify({ fileName: '年报.pdf' }), contentType: 'application/json' });
const agencyJson = (id: string) => () => ({
  body: JSON.stringify({ id, name: `测试机关${id}`, kind: 'department', region: '韶关市曲江区' }),
  contentType: 'application/json',
});

const officeJson = (id: string) => () => ({
  body: JSON.stringify({ id, name: '测试办公室', regionCode: '440205' }),
  contentType: 'application/json',
});
const ADMIN_ONLY = [401, 403, 403, 403, 403] as const;
/** A fresh unregistered address each call, so that the matrix's wrong codes never add up to a lockout. */
let strangers = 0;
const signInJson = (withCode: boolean) => () => ({
  body: JSON.stringify({ email: `stranger-${++strangers}@example.org`, ...(withCode ? { code: '000000' } : {}) }),
  contentType: 'application/json',
});

const CASES: readonly Case[] = [
  { route: 'GET /health', path: () => '/health', expect: [200, 200, 200, 200, 200, 200] },
  {
    route: 'POST /v1/sign-in/codes',
    path: () => '/v1/sign-in/codes',
    body: signInJson(false),
    expect: [202, 202, 202, 202, 202, 202],
  },
  {
    route: 'POST /v1/sign-in/sessions',
    path: () => '/v1/sign-in/sessions',
    body: signInJson(true),
    expect: [401, 401, 401, 401, 401, 401],
  },
  { route: 'POST /v1/sign-out', path: () => '/v1/sign-out', expect: [200, 200, 200, 200, 200, 200] },
  {
    route: 'POST /v1/reports',
    path: () => '/v1/reports?dryRun=true',
    body: report,
    expect: [401, 200, 403, 403, 403, 403],
  },
  { route: 'POST /v1/uploads', path: () => '/v1/uploads', body: uploadJson, expect: [401, 201, 201, 403, 403, 403] },
  {
    route: 'GET /v1/submissions/{submissionId}',
    path: () => `/v1/submissions/${ids.submission}`,
    expect: [401, 200, 404, 200, 404, 200],
  },
  {
    route: 'GET /v1/agencies/{agencyId}/reports',
    path: () => `/v1/agencies/${A}/reports`,
    expect: [401, 200, 404, 200, 404, 200],
  },
  {
    route: 'GET /v1/agencies/{agencyId}/submissions',
    path: () => `/v1/agencies/${A}/submissions?year=2019`,
    expect: [401, 200, 404, 200, 404, 200],
  },
  { route: 'GET /v1/me', path: () => '/v1/me', expect: [401, 200, 200, 200, 200, 200] },
  {
    route: 'GET /v1/office/agencies',
    path: () => '/v1/office/agencies?year=2019',
    expect: [401, 403, 403, 200, 200, 403],
  },
  {
    route: 'POST /v1/office/agencies/{agencyId}/reminders',
    path: () => `/v1/office/agencies/${A}/reminders?year=2021`,
    expect: [401, 403, 403, 202, 404, 403],
  },
  { route: 'GET /v1/office/reviews', path: () => '/v1/office/reviews', expect: [401, 403, 403, 200, 200, 403] },
  {
    route: 'POST /v1/office/reviews/{submissionId}/accept',
    path: () => `/v1/office/reviews/${ids.toAccept}/accept`,
    expect: [401, 403, 403, 200, 404, 403],
  },
  {
    route: 'POST /v1/office/reviews/{submissionId}/return',
    path: () => `/v1/office/reviews/${ids.toReturn}/return`,
    body: () => ({ body: JSON.stringify({ reason: '请核对表三数据' }), contentType: 'application/json' }),
    expect: [401, 403, 403, 200, 404, 403],
  },
  {
    route: 'POST /v1/admin/agencies',
    path: () => '/v1/admin/agencies',
    body: agencyJson('matrix-agency'),
    expect: [...ADMIN_ONLY, 201],
  },
  { route: 'GET /v1/admin/agencies', path: () => '/v1/admin/agencies?limit=2', expect: [...ADMIN_ONLY, 200] },
  { route: 'GET /v1/admin/agencies/{agencyId}', path: () => `/v1/admin/agencies/${A}`, expect: [...ADMIN_ONLY, 200] },
  {
    route: 'PUT /v1/admin/agencies/{agencyId}',
    path: () => '/v1/admin/agencies/matrix-agency',
    body: agencyJson('matrix-agency'),
    expect: [...ADMIN_ONLY, 200],
  },
  {
    route: 'POST /v1/admin/agencies/{agencyId}/tokens',
    path: () => `/v1/admin/agencies/${A}/tokens`,
    expect: [...ADMIN_ONLY, 201],
  },
  {
    route: 'DELETE /v1/admin/agencies/{agencyId}/tokens/{tokenId}',
    path: () => `/v1/admin/agencies/${A}/tokens/${ids.agencyToken}`,
    expect: [...ADMIN_ONLY, 200],
  },
  {
    route: 'POST /v1/admin/offices',
    path: () => '/v1/admin/offices',
    body: officeJson('matrix-office'),
    expect: [...ADMIN_ONLY, 201],
  },
  { route: 'GET /v1/admin/offices', path: () => '/v1/admin/offices', expect: [...ADMIN_ONLY, 200] },
  {
    route: 'POST /v1/admin/offices/{officeId}/tokens',
    path: () => `/v1/admin/offices/${OTHER_OFFICE.id}/tokens`,
    expect: [...ADMIN_ONLY, 201],
  },
  { route: 'POST /v1/admin/tokens', path: () => '/v1/admin/tokens', expect: [...ADMIN_ONLY, 201] },
  {
    route: 'DELETE /v1/admin/tokens/{tokenId}',
    path: () => `/v1/admin/tokens/${ids.adminToken}`,
    expect: [...ADMIN_ONLY, 200],
  },
  {
    route: 'POST /v1/admin/imports',
    path: () => `/v1/admin/imports?agencyId=${A}&dryRun=true`,
    body: report,
    expect: [...ADMIN_ONLY, 200],
  },
];

/** What a route's declared auth alone decides, before its handler reads anything: 401 or 403, else null. */
function refusalOf(auth: RouteAuth, caller: Caller): number | null {
  if (auth === 'none') return null;
  if (caller === 'anonymous') return 401;
  const kind = caller.startsWith('agency') ? 'agency' : caller.startsWith('office') ? 'office' : 'admin';
  if (auth === 'admin' && kind !== 'admin') return 403;
  if (auth === 'agency' && kind !== 'agency') return 403;
  if (auth === 'office' && kind !== 'office') return 403;
  if (auth === 'agencyOrAdmin' && kind === 'office') return 403;
  return null;
}

const declared = app.routes.map((r) => ({ route: `${r.method} ${r.path}`, path: r.path, auth: r.auth }));
const covered = new Set(CASES.map((c) => c.route));

describe('the authorization matrix', () => {
  it('has a full row for every route of the filing service, and only declared routes', () => {
    const registry = [
      ...['/v1/reports', '/v1/uploads', '/v1/submissions', '/v1/agencies', '/v1/me', '/v1/office'],
      ...['/v1/sign-in', '/v1/sign-out'],
    ];
    const missing = declared.filter((d) => registry.some((p) => d.path.startsWith(p)) && !covered.has(d.route));
    expect(missing.map((d) => d.route)).toEqual([]);
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

  describe('a session cookie from signing in by e-mail code', () => {
    async function signIn(email: string): Promise<string> {
      const json = { contentType: 'application/json' };
      await api.request('POST', '/v1/sign-in/codes', { body: JSON.stringify({ email }), ...json });
      await api.system.waitForIdle();
      const mails = (await api.system.mail()) as { destination?: { to?: string[] }; body?: { text?: string } }[];
      const mail = mails.filter((m) => m.destination?.to?.includes(email.toLowerCase())).at(-1);
      const code = /(\d{6})/.exec(mail?.body?.text ?? '')?.[1] ?? '';
      const response = await fetch(`${api.system.url}/v1/sign-in/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, code }),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie()[0] ?? '';
      expect(cookie).toMatch(/^__Host-gongkai-session=[\w-]{43}; Path=\/; Secure; HttpOnly; SameSite=Strict$/);
      return cookie.split(';')[0] ?? '';
    }
    const sameOrigin = { 'sec-fetch-site': 'same-origin' };

    it("admits an agency's contact as that agency, and only that agency", async () => {
      const cookie = await signIn('ZGH@qujiang.example.org');
      const me = await api.request('GET', '/v1/me', { headers: { cookie } });
      expect(me.body).toMatchObject({ principal: 'agency', agencyId: A });
      expect((await api.request('GET', `/v1/agencies/${B}/reports`, { headers: { cookie } })).status).toBe(404);
      const dryRun = { headers: { cookie, ...sameOrigin }, ...report() };
      expect((await api.request('POST', '/v1/reports?dryRun=true', dryRun)).status).toBe(200);
      const admin = await api.request('GET', '/v1/admin/agencies', { headers: { cookie } });
      expect(admin.status).toBe(403);
    });

    it("admits an office's contact as that office", async () => {
      const cookie = await signIn('zwgk@qujiang.example.org');
      const listed = await api.request('GET', '/v1/office/agencies?year=2019', { headers: { cookie } });
      expect(listed.status).toBe(200);
    });

    it('ends the sessions of an address its agency no longer lists', async () => {
      const address = 'jyj@qujiang.example.org';
      const cookie = await signIn(address);
      expect((await api.request('GET', '/v1/me', { headers: { cookie } })).body).toMatchObject({ agencyId: B });
      const { body: agency } = await api.request('GET', `/v1/admin/agencies/${B}`, { token: tokens.admin });
      const withoutIt = JSON.stringify({ ...agency, contactEmails: [] });
      const saved = await api.request('PUT', `/v1/admin/agencies/${B}`, {
        token: tokens.admin,
        body: withoutIt,
        contentType: 'application/json',
      });
      expect(saved.status).toBe(200);
      expect((await api.request('GET', '/v1/me', { headers: { cookie } })).status).toBe(401);
      const mailed = (await api.system.mail()).length;
      const json = { body: JSON.stringify({ email: address }), contentType: 'application/json' };
      expect((await api.request('POST', '/v1/sign-in/codes', json)).status).toBe(202);
      await api.system.waitForIdle();
      expect((await api.system.mail()).length).toBe(mailed);
    });

    it('refuses a cookie on a cross-site write, and every use of it after sign-out', async () => {
      const cookie = await signIn('zgh@qujiang.example.org');
      const forged = { headers: { cookie, 'sec-fetch-site': 'cross-site' }, ...report() };
      const refused = await api.request('POST', '/v1/reports?dryRun=true', forged);
      expect([refused.status, refused.body.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
      const out = await api.request('POST', '/v1/sign-out', { headers: { cookie, ...sameOrigin } });
      expect(out.status).toBe(200);
      expect((await api.request('GET', '/v1/me', { headers: { cookie } })).status).toBe(401);
    });
  });
});
