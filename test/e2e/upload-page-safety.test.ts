import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '#infra/local/runner.ts';
import { SEED_TEXT } from '../unit/filing/seed-report.ts';
import { type BrowserStage, SCREENSHOTS, startBrowserStage } from './browser.ts';

const A = 'qujiang-trade-union';
const HOSTILE_ID = 'hostile-office';
const HOSTILE_NAME = '<img src=x onerror="window.pwned=1;alert(1)">局';
const HOSTILE_TEXT = '<script>window.pwned=2;alert(2)</script>';

let stage: BrowserStage;
let local: LocalSystem;
let page: Page;
let dialogs: string[];

async function post(path: string, token: string, body: string, contentType: string) {
  const response = await fetch(`${local.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return (await response.json()) as Record<string, unknown>;
}

/** The seed's canonical report (from a dry run), renamed and retitled with markup. */
async function hostileReport(): Promise<{ token: string; json: string }> {
  const agency = { id: HOSTILE_ID, name: HOSTILE_NAME, kind: 'other', region: '韶关市曲江区' };
  await post('/v1/admin/agencies', local.adminToken, JSON.stringify(agency), 'application/json');
  const { token } = await post(`/v1/admin/agencies/${HOSTILE_ID}/tokens`, local.adminToken, '', 'application/json');
  const dry = await post('/v1/reports?dryRun=true', local.demoTokens[A] ?? '', SEED_TEXT, 'text/plain; charset=utf-8');
  const seed = dry.report as Record<string, unknown>;
  const text = { ...(seed.text as Record<string, string>), overview: HOSTILE_TEXT };
  const report = { ...seed, agency: { name: HOSTILE_NAME }, title: `${HOSTILE_NAME}${HOSTILE_TEXT}`, text };
  return { token: String(token), json: JSON.stringify(report) };
}

async function signIn(token: string): Promise<void> {
  await page.goto(`${local.url}/file/`);
  await page.getByLabel('报送令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#workspace:not([hidden])').waitFor();
}

beforeAll(async () => {
  stage = await startBrowserStage('upload-safety');
  local = stage.local;
  dialogs = stage.dialogs;
  page = await stage.newPage();
});
afterAll(() => stage?.stop());

describe('the upload page with hostile and large input', () => {
  it('shows a hostile agency name and report as text and runs none of it', async () => {
    const { token, json } = await hostileReport();
    await signIn(token);
    await expect(page.locator('#agency-name').textContent()).resolves.toBe(HOSTILE_NAME);
    await page.setInputFiles('#report-file', {
      name: '<b>报告</b>.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    await expect(page.locator('#chosen-file').textContent()).resolves.toContain('<b>报告</b>.json');
    await page.getByRole('button', { name: '检查报告' }).click();
    await page.locator('#results:not([hidden]) .status').waitFor();
    await expect(page.locator('#check-summary').textContent()).resolves.toContain(`${HOSTILE_NAME}${HOSTILE_TEXT}`);
    expect(await page.locator('#report-tables table').count()).toBe(3);
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    await expect(page.evaluate(() => (window as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-hostile.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
  });

  it('files a report too large for the API through a presigned upload, with progress, to its receipt', async () => {
    await signIn(local.demoTokens[A] ?? '');
    // Trailing spaces, as a copy-paste leaves them, push the seed past the API's body limit.
    const large = Buffer.from(`${SEED_TEXT}${' '.repeat(5.5 * 1024 * 1024)}`);
    await page.setInputFiles('#report-file', { name: '2022年报.txt', mimeType: 'text/plain', buffer: large });
    await page.getByRole('button', { name: '检查报告' }).click();
    await expect(page.locator('#filing-hint').textContent()).resolves.toContain('文件较大');
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.locator('#receipt:not([hidden])').waitFor({ timeout: 60_000 });
    await expect(page.locator('#upload-progress').getAttribute('value')).resolves.toBe('100');
    await expect(page.locator('#progress-text').textContent()).resolves.toBe('检查完成。');
    await expect(page.locator('#receipt-body').textContent()).resolves.toMatch(/已接收.*第 1 版.*2022年报\.txt/);
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-large-receipt.png'), fullPage: true });
  });

  it('refuses a text file over the upload cap with a plain message, and files nothing', async () => {
    // Still signed in from the filing above (the token is in sessionStorage): a fresh page picks it up.
    await page.goto(`${local.url}/file/`);
    await page.locator('#workspace:not([hidden])').waitFor();
    const before = await versionCount();
    const huge = Buffer.from(`${SEED_TEXT}${' '.repeat(11 * 1024 * 1024)}`);
    await page.setInputFiles('#report-file', { name: '过大的年报.txt', mimeType: 'text/plain', buffer: huge });
    await page.getByRole('button', { name: '检查报告' }).click();
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.waitForFunction(() => document.getElementById('filing-error')?.textContent?.includes('文件过大'));
    expect(await page.locator('#receipt:not([hidden])').count()).toBe(0);
    expect(await versionCount()).toBe(before);
  });
});

async function versionCount(): Promise<number> {
  const response = await fetch(`${local.url}/v1/agencies/${A}/reports`, {
    headers: { authorization: `Bearer ${local.demoTokens[A] ?? ''}` },
  });
  return ((await response.json()) as { versions: unknown[] }).versions.length;
}
