/**
 * A person files next year's report on the upload page, answers a warning with an explanation, and finds it
 * beside the cell on the public report page (token sign-in; one local stack and one browser for the file).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofYear, SEED_TEXT } from '../unit/filing/seed-report.ts';
import { type BrowserStage, SCREENSHOTS, startBrowserStage } from './browser.ts';

const A = 'qujiang-trade-union';
const LICENSING = 'proactiveDisclosure.licensing.decisions';
/** The seed as 2023's report, its text unchanged and 20 licensing decisions where 2022 had none (Y3). */
const NEXT_YEAR = ofYear(SEED_TEXT, 2023).replace('\t行政许可\n\t0\n', '\t行政许可\n\t20\n');
const REASON = '<b>本年</b>新承接区人社局下放的审批事项，许可决定随之增加';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stage: BrowserStage;
let page: Page;

/** axe-core's violations on the page as it stands, one line each. */
async function violations(): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    type Violation = { id: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  stage = await startBrowserStage('explain-e2e');
  const token = stage.local.demoTokens[A] ?? '';
  const filed = await fetch(`${stage.local.url}/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body: SEED_TEXT,
  });
  if (filed.status !== 201) throw new Error(`the seed was not filed: ${filed.status}`);
  page = await stage.newPage();
  await page.goto(`${stage.local.url}/file/`);
  await page.getByLabel('报送令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#workspace:not([hidden])').waitFor();
}, 60_000);
afterAll(() => stage?.stop());

describe('explaining a warning on the upload page', () => {
  it("shows next year's copy and the jump as warnings with their grade and a box to explain each", async () => {
    await page.getByText('或者粘贴报告全文').click();
    await page.getByLabel('报告全文').fill(NEXT_YEAR);
    await page.getByRole('button', { name: '检查报告' }).click();
    await page.locator('#results:not([hidden]) .status').waitFor();
    await expect(page.locator('#check-summary .status').textContent()).resolves.toContain('有 3 处警告');
    const warnings = page.locator('#findings .finding-list > li');
    await expect(warnings.allTextContents()).resolves.toEqual([
      expect.stringMatching(/规则 Y3 · 核实性检查.*本年处理决定数量/),
      expect.stringMatching(/规则 C1 · 核实性检查一、总体情况与本机关2022年度报告的同一部分高度重复.*“2023年韶关市/),
      expect.stringMatching(/规则 C1 · 核实性检查五、存在的主要问题及改进情况/),
    ]);
    await expect(page.getByLabel('对此警告的说明（可选，将随报告公开）').count()).resolves.toBe(3);
    expect(await page.getByRole('button', { name: '正式报送' }).isDisabled()).toBe(false);
    await expect(violations()).resolves.toEqual([]);
  });

  it('asks for a real reason for a 核实性 warning before filing', async () => {
    const box = page.locator('#findings .finding-list > li', { hasText: '规则 Y3' }).getByRole('textbox');
    await box.fill('属实');
    await page.getByRole('button', { name: '正式报送' }).click();
    await expect(box.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#explanation-1-error').textContent()).resolves.toContain('至少 10 个字');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('explanation-1');
    expect(await page.locator('#receipt').isHidden()).toBe(true);
  });

  it('files with the explanation and finds it beside the cell on the public page', async () => {
    const box = page.locator('#findings .finding-list > li', { hasText: '规则 Y3' }).getByRole('textbox');
    await box.fill(REASON);
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.locator('#receipt:not([hidden])').waitFor();
    const receipt = page.locator('#receipt-body');
    await expect(receipt.textContent()).resolves.toMatch(/已接收.*第 1 版/);
    await expect(receipt.locator('.receipt-explanations').textContent()).resolves.toBe(`规则 Y3：${REASON}`);

    await stage.local.waitForIdle();
    await page.goto(`${stage.local.url}/reports/${A}/2023/`);
    const cell = page.locator(`td[data-path="${LICENSING}"]`);
    await expect(cell.getAttribute('class')).resolves.toContain('cell--warning');
    const link = cell.getByRole('link', { name: '有说明' });
    const describedBy = (await cell.getAttribute('aria-describedby')) ?? '';
    const finding = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
    await expect(finding.locator('.finding__explanation').textContent()).resolves.toBe(`报送机关说明：${REASON}`);
    await expect(finding.locator('.finding__explanation b').count()).resolves.toBe(0);
    await expect(finding.locator('.finding__grade').textContent()).resolves.toBe('核实性');
    await expect(violations()).resolves.toEqual([]);
    await link.click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${describedBy.split(' ')[0]}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-explained-warning.png'), fullPage: true });
    expect(stage.dialogs).toEqual([]);
  });
});
