/**
 * Review before publication (先备案后公布) with the demo setting (`examples/review.json`: 曲江区's departments), on
 * one local stack and one Chromium: a department's filing stays off the public site until 曲江区's office accepts
 * it; a returned one is e-mailed to the agency with the reason and shows as returned on its upload page. The
 * same stack files the three sample PDFs through the upload page under their registered agencies (淮安市 and
 * 洪泽区 do not review), each published at once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoReview } from '#infra/local/demo-registry.ts';
import { type LocalSystem, REPOSITORY_ROOT } from '#infra/local/runner.ts';
import { REVIEW_CONFIG_ENV } from '#shared/review/review-config.ts';
import { SEED_TEXT } from '../unit/filing/seed-report.ts';
import { type BrowserStage, SCREENSHOTS, startBrowserStage } from './browser.ts';

const UNION = 'qujiang-trade-union';
const EDUCATION = 'qujiang-education-bureau';
const LAND = 'qujiang-natural-resources-bureau';
const OFFICE = 'qujiang-office';
const signedBy = (name: string) => SEED_TEXT.replaceAll('韶关市曲江区总工会', name);

let stage: BrowserStage;
let local: LocalSystem;

function tokenOf(id: string): string {
  const token = local.demoTokens[id];
  if (token === undefined) throw new Error(`no demo token for ${id}`);
  return token;
}

async function call(method: string, path: string, token: string, body?: string, type = 'application/json') {
  const response = await fetch(`${local.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': type }) },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const fileText = (agencyId: string, text: string) =>
  call('POST', '/v1/reports', tokenOf(agencyId), text, 'text/plain; charset=utf-8');

async function publicText(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${local.url}${path}`);
  return { status: response.status, text: await response.text() };
}

/** Where a published report shows: its own page and files, the county's year page, the agency page, the feed. */
async function publicTraces(agencyId: string): Promise<string[]> {
  await local.waitForIdle();
  const traces: string[] = [];
  for (const path of [
    `/reports/${agencyId}/2022/`,
    `/reports/${agencyId}/2022/v1/`,
    `/reports/${agencyId}/2022/report.json`,
  ]) {
    if ((await publicText(path)).status === 200) traces.push(path);
  }
  for (const path of ['/', '/feed.xml', '/regions/440205/2022/', `/agencies/${agencyId}/`]) {
    if ((await publicText(path)).text.includes(`/reports/${agencyId}/2022/`)) traces.push(path);
  }
  return traces;
}

/** The agency's filing status for 2022 as its office sees it. */
async function statusOf(agencyId: string): Promise<Record<string, unknown> | undefined> {
  const listed = await call('GET', '/v1/office/agencies?year=2022&limit=100', tokenOf(OFFICE));
  return (listed.body.agencies as Record<string, unknown>[]).find((a) => a.id === agencyId);
}

async function signIn(page: Page, agencyId: string): Promise<void> {
  await page.goto(`${local.url}/file/`);
  await page.getByLabel('报送令牌').fill(tokenOf(agencyId));
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#workspace:not([hidden])').waitFor();
}

beforeAll(async () => {
  const review = await readDemoReview(REPOSITORY_ROOT);
  stage = await startBrowserStage('review-e2e', { configuration: { [REVIEW_CONFIG_ENV]: review } });
  local = stage.local;
  // Something public in 曲江区 for 2022, so its pages exist: the trade union is no department and files freely.
  expect((await fileText(UNION, SEED_TEXT)).status).toBe(201);
});
afterAll(() => stage?.stop());

describe('review before publication, with review on for 曲江区', () => {
  it("keeps a department's filing off the public site until its office accepts it", async () => {
    const filed = await fileText(EDUCATION, signedBy('韶关市曲江区教育局'));
    expect(filed).toMatchObject({ status: 201, body: { status: 'accepted', version: 1, heldForReview: true } });
    expect(await publicTraces(EDUCATION)).toEqual([]);
    expect(await publicTraces(UNION)).toContain('/feed.xml');

    const office = tokenOf(OFFICE);
    // The deadline counts the agency's filing day: held, it is filed (late for 2022, never missing).
    const filed2022 = await statusOf(EDUCATION);
    expect(filed2022).toMatchObject({ status: 'late', filedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const queue = await call('GET', '/v1/office/reviews', office);
    expect(queue.body.reviews).toEqual([
      expect.objectContaining({ submissionId: filed.body.submissionId, agencyId: EDUCATION, year: 2022 }),
    ]);
    const accepted = await call('POST', `/v1/office/reviews/${String(filed.body.submissionId)}/accept`, office);
    expect(accepted).toMatchObject({ status: 200, body: { state: 'accepted', officeId: OFFICE } });
    expect(await publicTraces(EDUCATION)).toEqual([
      `/reports/${EDUCATION}/2022/`,
      `/reports/${EDUCATION}/2022/v1/`,
      `/reports/${EDUCATION}/2022/report.json`,
      '/',
      '/feed.xml',
      '/regions/440205/2022/',
      `/agencies/${EDUCATION}/`,
    ]);
    expect((await call('GET', '/v1/office/reviews', office)).body.reviews).toEqual([]);
  });

  it('e-mails the agency the reason of a return and shows it returned on the upload page', async () => {
    const filed = await fileText(LAND, signedBy('韶关市曲江区自然资源局'));
    expect(filed.body).toMatchObject({ heldForReview: true });
    const reason = '第二部分主动公开数据与门户网站统计不一致，请核实后重新报送';
    const returned = await call(
      'POST',
      `/v1/office/reviews/${String(filed.body.submissionId)}/return`,
      tokenOf(OFFICE),
      JSON.stringify({ reason }),
    );
    expect(returned).toMatchObject({ status: 200, body: { state: 'returned', reason, notified: true } });

    const mails = (await local.mail()) as {
      destination?: { to?: string[] };
      subject?: string;
      body?: { text?: string };
    }[];
    const mail = mails.find((m) => m.destination?.to?.includes('zrzyj@qujiang.example.org'));
    expect(mail?.subject).toContain('退回修改');
    expect(mail?.body?.text).toContain(`退回原因：${reason}`);
    expect(await publicTraces(LAND)).toEqual([]);
    expect(await statusOf(LAND)).toMatchObject({ status: 'missing', filedOn: null });

    const page = await stage.newPage();
    await signIn(page, LAND);
    const row = page.locator('#history-body tr', { hasText: '第 1 版' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`已被主管部门退回，未公开。退回原因：${reason}`);
    expect(await row.getByRole('link').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-returned.png'), fullPage: true });
    await page.close();
  });
});

describe('the sample PDFs through the upload page', () => {
  async function checkSample(page: Page, file: string, agencyId: string): Promise<void> {
    await signIn(page, agencyId);
    const buffer = await readFile(join(REPOSITORY_ROOT, 'test/fixtures/samples', file));
    await page.setInputFiles('#report-file', { name: file, mimeType: 'application/pdf', buffer });
    await page.getByRole('button', { name: '检查报告' }).click();
    await page.locator('#results:not([hidden]) .status').waitFor({ timeout: 60_000 });
  }

  it.each([
    ['2024-huaian-hongze-district-government.pdf', 'hongze-district-government', 2024],
    ['2024-huaian-city-government.pdf', 'huaian-city-government', 2024],
  ])('files %s under %s and publishes it', async (file, agencyId, year) => {
    const page = await stage.newPage();
    await checkSample(page, file, agencyId);
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.locator('#receipt:not([hidden])').waitFor({ timeout: 60_000 });
    await expect(page.locator('#receipt-body').textContent()).resolves.toContain(`接收，为 ${year} 年度第 1 版`);
    await page.close();
    await local.waitForIdle();
    expect((await publicText(`/reports/${agencyId}/${year}/`)).status).toBe(200);
  });

  it('reads the 2023 洪泽区 PDF as its registered agency and holds it back only for its own H4 errors', async () => {
    const page = await stage.newPage();
    await checkSample(page, '2023-huaian-hongze-district-government.pdf', 'hongze-district-government');
    await expect(page.locator('#check-summary .status').textContent()).resolves.toContain('发现 2 处错误');
    const findings = await page.locator('#findings .finding-list > li').allTextContents();
    expect(findings.filter((f) => f.includes('错误')).every((f) => f.includes('H4'))).toBe(true);
    expect(await page.getByRole('button', { name: '正式报送' }).isDisabled()).toBe(true);
    await page.close();
  });
});
