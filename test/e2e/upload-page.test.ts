import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '#infra/local/runner.ts';
import { respaced, SEED_TEXT, withArithmeticError } from '../unit/filing/seed-report.ts';
import { type BrowserStage, SCREENSHOTS, startBrowserStage } from './browser.ts';

const A = 'qujiang-trade-union';
const BROKEN_CELL = 'td[data-path="applications.newReceived.naturalPerson"]';

let stage: BrowserStage;
let local: LocalSystem;
let page: Page;
let dialogs: string[];

function demoToken(): string {
  const token = local.demoTokens[A];
  if (token === undefined) throw new Error(`no demo token for ${A}`);
  return token;
}

async function signIn(token: string): Promise<void> {
  await page.goto(`${local.url}/file/`);
  await page.getByLabel('报送令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
}

async function pasteAndCheck(text: string): Promise<void> {
  const area = page.getByLabel('报告全文');
  if (!(await area.isVisible())) await page.getByText('或者粘贴报告全文').click();
  await area.fill(text);
  await page.getByRole('button', { name: '检查报告' }).click();
  await page.locator('#results:not([hidden]) .status').waitFor();
}

beforeAll(async () => {
  stage = await startBrowserStage('upload-e2e');
  local = stage.local;
  dialogs = stage.dialogs;
  page = await stage.newPage();
});
afterAll(() => stage?.stop());

describe('the upload page in Chromium', () => {
  it('refuses a wrong token with a clear Chinese message and keeps nothing of it', async () => {
    await signIn('gk.not-a-token.secret');
    const error = page.locator('#sign-in-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('令牌无效或已被停用');
    await expect(page.getByLabel('报送令牌').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => sessionStorage.length + localStorage.length)).resolves.toBe(0);
    expect(await page.locator('#workspace').isHidden()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-wrong-token.png') });
  });

  it('signs in with the demo token, keeping it in sessionStorage only', async () => {
    await signIn(demoToken());
    await page.locator('#workspace:not([hidden])').waitFor();
    await expect(page.locator('#agency-name').textContent()).resolves.toBe('韶关市曲江区总工会');
    await expect(page.evaluate(() => [sessionStorage.length, localStorage.length, document.cookie])).resolves.toEqual([
      1,
      0,
      '',
    ]);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('choose-title');
    // The history arrives by its own request after sign-in: wait for it rather than read the loading line.
    await page.locator('#history-body', { hasText: '还没有报送记录' }).waitFor();
  });

  it('marks the failing cell of a report with an arithmetic error and will not file it', async () => {
    await pasteAndCheck(withArithmeticError(SEED_TEXT));
    await expect(page.locator('#check-summary .status').textContent()).resolves.toContain('发现 2 处错误');
    await expect(page.locator(BROKEN_CELL).getAttribute('class')).resolves.toContain('cell--error');
    await expect(page.locator(BROKEN_CELL).textContent()).resolves.toBe('1');
    const findings = page.locator('#findings .finding-list > li');
    await expect(findings.count()).resolves.toBe(2);
    await expect(findings.first().textContent()).resolves.toMatch(/错误.*规则 H1.*一、本年新收 1/);
    expect(await page.getByRole('button', { name: '正式报送' }).isDisabled()).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('results-title');
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-check-errors.png'), fullPage: true });

    await findings
      .first()
      .getByRole('button', { name: /在表格中查看/ })
      .click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-path'))).resolves.toMatch(
      /^applications\./,
    );
    const describedBy = (await page.locator(BROKEN_CELL).getAttribute('aria-describedby')) ?? '';
    await expect(page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).resolves.toContain('H1');
  });

  it('files the corrected report and shows the receipt with a link to the public page', async () => {
    await pasteAndCheck(SEED_TEXT);
    await expect(page.locator('#check-summary .status').textContent()).resolves.toContain('检查通过');
    expect(await page.locator('td.cell--error').count()).toBe(0);
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.locator('#receipt:not([hidden])').waitFor();
    const receipt = page.locator('#receipt-body');
    await expect(receipt.textContent()).resolves.toMatch(/已接收.*第 1 版/);
    await expect(receipt.locator('.sha256').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(receipt.locator('.submission-id').textContent()).resolves.toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('receipt-title');
    // A printed receipt says whose report it is, what it is called and where it is published, in full.
    await expect(receipt.locator('.agency-name').textContent()).resolves.toBe('韶关市曲江区总工会');
    await expect(receipt.locator('.report-title').textContent()).resolves.toBe(
      '韶关市曲江区总工会2022年政府信息公开工作年度报告',
    );
    await expect(receipt.textContent()).resolves.toMatch(/接收时间.*（北京时间）/);
    const publicUrl = `${local.url}/reports/${A}/2022/`;
    const link = receipt.getByRole('link', { name: publicUrl });
    await expect(link.getAttribute('href')).resolves.toBe(publicUrl);
    await page.locator('#history-body td', { hasText: '第 1 版' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-receipt.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-receipt-print.png'), fullPage: true });
    expect(await page.locator('#choose').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await local.waitForIdle();
    const published = await fetch(`${local.url}/reports/${A}/2022/`);
    if (published.ok) {
      await link.click();
      await page.waitForURL(`${local.url}/reports/${A}/2022/`);
      await expect(page.locator('h1').textContent()).resolves.toContain('韶关市曲江区总工会');
      await page.goBack();
    }
  });

  it('asks for the reason when the report amends a filed year, and files the amendment', async () => {
    await page.goto(`${local.url}/file/`);
    await page.locator('#workspace:not([hidden])').waitFor();
    await pasteAndCheck(respaced(SEED_TEXT, 1));
    const reason = page.getByLabel('更正原因（必填）');
    await expect(page.locator('#amendment-hint').textContent()).resolves.toContain('已有第 1 版');
    await page.getByRole('button', { name: '正式报送' }).click();
    await expect(page.locator('#amendment-error').textContent()).resolves.toContain('请填写更正原因');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('amendment-reason');
    await reason.fill('更正表三中的笔误');
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.locator('#receipt:not([hidden])').waitFor();
    await expect(page.locator('#receipt-body').textContent()).resolves.toMatch(/第 2 版.*更正表三中的笔误/);
    await page.locator('#history-body td', { hasText: '已被第 2 版更正' }).waitFor();
    expect(dialogs).toEqual([]);
  });

  it('fits a phone screen: wide tables scroll inside their box, not the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await pasteAndCheck(withArithmeticError(SEED_TEXT));
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'upload-phone.png'), fullPage: true });
  });
});
