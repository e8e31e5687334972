/**
 * The seed filed again as next year's report (year changed, text unchanged) through the local API: the copy
 * warning with the shared passages, an explanation that keeps it, and the explanation where readers and the
 * supervising office see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofYear, SEED_TEXT } from '../../unit/filing/seed-report.ts';
import { type LocalApi, startLocalApi } from './local-api.ts';

const A = 'qujiang-trade-union';
const NEXT_YEAR = ofYear(SEED_TEXT, 2023);
const OVERVIEW = 'C1:text.overview';
const REASON = '本会2023年工作安排与上年一致，总体情况经逐句核对后沿用上年表述。';

interface ReceivedFinding {
  code: string;
  paths: string[];
  passages?: string[];
  message: { zh: string };
}

let api: LocalApi;
let token: string | undefined;
beforeAll(async () => {
  api = await startLocalApi();
  token = api.system.demoTokens[A];
});
afterAll(() => api.stop());

function form(text: string, explanations?: Record<string, string>): FormData {
  const body = new FormData();
  body.append('file', new Blob([text], { type: 'text/plain' }), '2023年报.txt');
  if (explanations) body.append('explanations', JSON.stringify(explanations));
  return body;
}

describe('copy detection and explanations through the local API', () => {
  it("warns that next year's filing repeats last year's text, quoting the shared passages", async () => {
    const first = await api.request('POST', '/v1/reports', { token, body: SEED_TEXT, contentType: 'text/plain' });
    expect(first.status).toBe(201);
    const checked = await api.request('POST', '/v1/reports?dryRun=true', {
      token,
      body: NEXT_YEAR,
      contentType: 'text/plain',
    });
    expect(checked.status).toBe(200);
    const findings = checked.body.findings as ReceivedFinding[];
    const copies = findings.filter((f) => f.code === 'C1');
    expect(copies.map((f) => f.paths)).toEqual([['text.overview'], ['text.problemsAndImprovements']]);
    expect(copies[0]?.message.zh).toContain('一、总体情况与本机关2022年度报告的同一部分高度重复');
    expect(copies[0]?.passages?.[0]).toMatch(/^2023年韶关市曲江区总工会坚持以习近平新时代中国特色社会主义思想为指导/);
    expect(copies[0]?.message.zh).toContain(`“${copies[0]?.passages?.[0]}”`);
    expect(checked.body.hasErrors).toBe(false);
    expect(checked.body.rules).toMatchObject({
      C1: { grade: 'verification', gradeLabel: '核实性', explanationChars: { min: 10, max: 500 } },
    });
  });

  it('refuses an explanation too short for a 核实性 warning, or of a warning not raised, with a 422', async () => {
    const short = await api.request('POST', '/v1/reports', { token, body: form(NEXT_YEAR, { [OVERVIEW]: '属实' }) });
    expect([short.status, short.body.error?.code]).toEqual([422, 'EXPLANATION_TOO_SHORT']);
    expect(short.body.error?.message.zh).toContain('说明至少需要 10 个字');
    const other = await api.request('POST', '/v1/reports', { token, body: form(NEXT_YEAR, { 'S8:x': REASON }) });
    expect([other.status, other.body.error?.code]).toEqual([422, 'EXPLANATION_NOT_APPLICABLE']);
    const malformed = new FormData();
    malformed.append('file', new Blob([NEXT_YEAR], { type: 'text/plain' }), 'a.txt');
    malformed.append('explanations', '["not an object"]');
    const bad = await api.request('POST', '/v1/reports', { token, body: malformed });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'INVALID_REQUEST']);
    const versions = await api.request('GET', `/v1/agencies/${A}/reports`, { token });
    expect((versions.body.versions as { year: number }[]).map((v) => v.year)).toEqual([2022]);
  });

  it('files with an explanation, shows it to the office, on the public page and in the downloads', async () => {
    const filed = await api.request('POST', '/v1/reports', { token, body: form(NEXT_YEAR, { [OVERVIEW]: REASON }) });
    expect(filed.status).toBe(201);
    const explained = [{ key: OVERVIEW, code: 'C1', paths: ['text.overview'], text: REASON }];
    expect(filed.body).toMatchObject({ status: 'accepted', year: 2023, version: 1, explanations: explained });

    const office = api.system.demoTokens['qujiang-office'];
    const seen = await api.request('GET', `/v1/agencies/${A}/submissions?year=2023`, { token: office });
    expect(seen.status).toBe(200);
    const submissions = seen.body.submissions as { status: string; explanations: unknown }[];
    expect(submissions.find((s) => s.status === 'accepted')?.explanations).toEqual(explained);
    const listed = await api.request('GET', `/v1/agencies/${A}/reports`, { token: office });
    const versions = listed.body.versions as { year: number; explanations: unknown }[];
    expect(versions.find((v) => v.year === 2023)?.explanations).toEqual(explained);

    await api.system.waitForIdle();
    const page = await (await fetch(`${api.system.url}/reports/${A}/2023/`)).text();
    expect(page).toContain(`<strong>报送机关说明：</strong>${REASON}</p>`);
    const document = await (await fetch(`${api.system.url}/reports/${A}/2023/findings.json`)).json();
    expect(document.explanations).toEqual(explained);
  });
});
