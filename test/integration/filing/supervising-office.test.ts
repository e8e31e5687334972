/**
 * 曲江区's supervising office through the local API: it sees the agencies of its county and their filing status,
 * reads their submissions (rejected ones with their findings), and re-sends a reminder that the notice sender mails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofYear, SEED_TEXT, withArithmeticError } from '../../unit/filing/seed-report.ts';
import { eventually, type LocalApi, startLocalApi } from './local-api.ts';

const A = 'qujiang-trade-union';
let api: LocalApi;
let office: string | undefined;

beforeAll(async () => {
  api = await startLocalApi();
  office = api.system.demoTokens['qujiang-office'];
});
afterAll(() => api.stop());

describe('a county office', () => {
  it('lists the agencies of its county, and only those, with their filing status', async () => {
    const filed = await api.request('POST', '/v1/reports', {
      token: api.system.demoTokens[A],
      body: ofYear(SEED_TEXT, 2020),
      contentType: 'text/plain',
    });
    expect(filed.status).toBe(201);
    const listed = await api.request('GET', '/v1/office/agencies?year=2020', { token: office });
    expect(listed.status).toBe(200);
    const agencies = listed.body.agencies as { id: string; status: string; regionCode: string }[];
    expect(agencies.map((a) => a.id).sort()).toEqual([
      'datang-town-government',
      'maba-town-government',
      'qujiang-district-government',
      'qujiang-education-bureau',
      'qujiang-natural-resources-bureau',
      'qujiang-trade-union',
    ]);
    expect(agencies.find((a) => a.id === A)).toMatchObject({ status: 'late', regionCode: '440205' });
    expect(agencies.find((a) => a.id === 'qujiang-education-bureau')).toMatchObject({ status: 'missing' });
  });

  it('pages through its agencies with the cursor it is given', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const query = `limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.request('GET', `/v1/office/agencies?year=2020&${query}`, { token: office });
      expect(page.status).toBe(200);
      ids.push(...(page.body.agencies as { id: string }[]).map((a) => a.id));
      cursor = page.body.cursor as string | undefined;
    } while (cursor);
    expect(ids).toHaveLength(6);
  });

  it('reads a rejected submission of its agency with the findings', async () => {
    const rejected = await api.request('POST', '/v1/reports', {
      token: api.system.demoTokens[A],
      body: withArithmeticError(ofYear(SEED_TEXT, 2021)),
      contentType: 'text/plain',
    });
    expect(rejected.status).toBe(422);
    const listed = await api.request('GET', `/v1/agencies/${A}/submissions?year=2021`, { token: office });
    expect(listed.status).toBe(200);
    const [submission] = listed.body.submissions as { status: string; findings: { severity: string }[] }[];
    expect(submission).toMatchObject({ status: 'rejected' });
    expect(submission?.findings.some((f) => f.severity === 'error')).toBe(true);
    const receipt = await api.request('GET', `/v1/submissions/${String(rejected.body.submissionId)}`, {
      token: office,
    });
    expect(receipt).toMatchObject({ status: 200, body: { status: 'rejected' } });
  });

  it('re-sends a reminder that reaches the agency by e-mail, once a day', async () => {
    const sent = await api.request('POST', '/v1/office/agencies/qujiang-education-bureau/reminders?year=2022', {
      token: office,
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ kind: 'FilingOverdue', recipients: ['jyj@qujiang.example.org'] });
    const mails = await eventually(
      () => api.system.mail(),
      (m) => m.length > 0,
    );
    expect(JSON.stringify(mails)).toContain('jyj@qujiang.example.org');
    const filed = await api.request('POST', `/v1/office/agencies/${A}/reminders?year=2020`, { token: office });
    expect(filed).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
  });

  it('cannot file, and answers agencies outside its county as not found', async () => {
    const filing = await api.request('POST', '/v1/reports', {
      token: office,
      body: SEED_TEXT,
      contentType: 'text/plain',
    });
    expect(filing.status).toBe(403);
    const outside = await api.request('GET', '/v1/agencies/hongze-district-government/submissions?year=2023', {
      token: office,
    });
    expect(outside.status).toBe(404);
  });
});
