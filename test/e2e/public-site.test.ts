/**
 * The public archive in a real browser, over the local stack with the demo registry: the seed report is
 * filed by 韶关市曲江区总工会, and a hostile agency files a report whose name and text are markup.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '#infra/local/runner.ts';
import { regionPathOf } from '#shared/archive/regions.ts';
import { type BrowserStage, SCREENSHOTS, startBrowserStage } from './browser.ts';

const A = 'qujiang-trade-union';
const SEED = readFileSync(
  new URL('../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt', import.meta.url),
  'utf8',
);
const HOSTILE_ID = 'hostile-office';
const QUJIANG = { regionCode: '440205', region: '广东省韶关市曲江区' };
const COUNTY = regionPathOf(QUJIANG)[2].code;
const HOSTILE_NAME = '<img src=x onerror=alert(1)>局';
const HOSTILE_TEXT = '<script>alert(2)</script>';

let stage: BrowserStage;
let local: LocalSystem;
let dialogs: string[];

async function api(path: string, token: string, body: string, contentType: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${local.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Filed as canonical JSON: the text readers would take markup for an HTML document. */
async function fileHostileReport(): Promise<void> {
  const agency = { id: HOSTILE_ID, name: HOSTILE_NAME, kind: 'other', regionCode: '440205' };
  await api('/v1/admin/agencies', local.adminToken, JSON.stringify(agency), 'application/json');
  const { token } = await api(`/v1/admin/agencies/${HOSTILE_ID}/tokens`, local.adminToken, '{}', 'application/json');
  const seed = (await (await fetch(`${local.url}/reports/${A}/2022/report.json`)).json()) as Record<string, unknown>;
  const text = { ...(seed.text as Record<string, string>), overview: HOSTILE_TEXT };
  const report = { ...seed, agency: { name: HOSTILE_NAME }, title: `${HOSTILE_NAME}${HOSTILE_TEXT}`, text };
  await api('/v1/reports', String(token), JSON.stringify(report), 'application/json');
}

beforeAll(async () => {
  stage = await startBrowserStage('e2e');
  local = stage.local;
  dialogs = stage.dialogs;
  const token = local.demoTokens[A];
  if (token === undefined) throw new Error(`no demo token for ${A}`);
  await api('/v1/reports', token, SEED, 'text/plain; charset=utf-8');
  await local.waitForIdle();
  await fileHostileReport();
  await local.waitForIdle();
  await local.triggerSchedule('archive-compaction');
});
afterAll(() => stage?.stop());

describe('the public archive in Chromium', () => {
  it('leads from the home page to the 2022 report of 韶关市曲江区总工会 in the official layout', async () => {
    const page = await stage.newPage({ acceptDownloads: true });
    await page.goto(`${local.url}/`);
    await page.getByRole('link', { name: '韶关市曲江区总工会 2022年报告' }).click();
    await page.waitForURL(`${local.url}/reports/${A}/2022/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('韶关市曲江区总工会');
    await expect(page.locator('caption').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']),
    );
    await expect(page.locator('td[data-path="applications.newReceived.total"]').textContent()).resolves.toBe('0');
    await expect(page.locator('td[data-path="reviewsAndLawsuits.review.total"]').textContent()).resolves.toBe('0');
    await page.screenshot({ path: join(SCREENSHOTS, 'site-report.png'), fullPage: true });
    await page.close();
  });

  it('fits a 375-pixel phone screen, the wide tables scrolling inside their own box', async () => {
    const page = await stage.newPage({ viewport: { width: 375, height: 800 } });
    for (const path of [`/reports/${A}/2022/`, '/years/2022/', `/regions/${COUNTY}/2022/`, '/']) {
      await page.goto(`${local.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await page.goto(`${local.url}/reports/${A}/2022/`);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-report-phone.png') });
    await page.close();
  });

  it('downloads the report as CSV, one row per cell or one row with Chinese headers', async () => {
    const page = await stage.newPage({ acceptDownloads: true });
    await page.goto(`${local.url}/reports/${A}/2022/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '逐项数据（CSV，一行一个单元格）' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('applications.newReceived.total');
    expect(download.suggestedFilename()).toBe('report.csv');
    const [wide] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^表格数据（CSV，一行一份报告/ }).click(),
    ]);
    const rows = (await readFile((await wide.path()) ?? '', 'utf8')).split('\r\n');
    expect(rows[0]).toMatch(/^\uFEFF机关标识,机关名称,报告年度,/);
    expect(rows[1]).toContain('韶关市曲江区总工会');
    expect(wide.suggestedFilename()).toBe('report-wide.csv');
    await page.close();
  });

  it('finds the agency by two characters, or one, with the search script', async () => {
    const page = await stage.newPage({ acceptDownloads: true });
    await page.goto(`${local.url}/`);
    await page.getByLabel('机关名称或报告标题').fill('曲江');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.locator('#search-results a').first().waitFor();
    const hrefs = await page
      .locator('#search-results a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // 曲江 is in the agency's name and in its region's: both agencies of 曲江区 are found.
    expect(hrefs).toContain(`/reports/${A}/2022/`);
    await page.getByLabel('机关名称或报告标题').fill('工');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => page.locator('#search-results').textContent()).toContain('找到1份报告');
    await expect(page.locator('#search-results a').first().getAttribute('href')).resolves.toBe(`/reports/${A}/2022/`);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-search.png') });
    await page.close();
  });

  it('walks from the 2022 page down the regions to the filing status of every agency of 曲江区', async () => {
    const page = await stage.newPage({ acceptDownloads: true });
    await page.goto(`${local.url}/years/2022/`);
    expect(await page.locator('svg.bar-chart').count()).toBe(0);
    await expect(page.locator('#totals + p').textContent()).resolves.toBe('本年度各项均为零。');
    await page.screenshot({ path: join(SCREENSHOTS, 'site-year.png'), fullPage: true });
    const [province, city, county] = regionPathOf(QUJIANG);
    await page.getByRole('link', { name: province.name }).first().click();
    await page.waitForURL(`${local.url}/regions/${province.code}/2022/`);
    await page.getByRole('link', { name: city.name, exact: true }).first().click();
    await page.waitForURL(`${local.url}/regions/${city.code}/2022/`);
    await page.getByRole('link', { name: county.name, exact: true }).first().click();
    await page.waitForURL(`${local.url}/regions/${COUNTY}/2022/`);
    await expect(page.locator(`tr[data-agency="${A}"] .badge`).textContent()).resolves.toMatch(/按时提交|逾期提交/);
    await expect(page.locator('tr[data-agency="maba-town-government"] .badge').textContent()).resolves.toMatch(
      /未提交|未到期/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'site-region.png'), fullPage: true });
    await page.close();
  });

  it('prints a hostile agency name and report text as text and runs none of it', async () => {
    const page = await stage.newPage({ acceptDownloads: true });
    for (const path of ['/', `/reports/${HOSTILE_ID}/2022/`, `/agencies/${HOSTILE_ID}/`, `/regions/${COUNTY}/2022/`]) {
      await page.goto(`${local.url}${path}`);
      await page.waitForLoadState('load');
    }
    await page.goto(`${local.url}/reports/${HOSTILE_ID}/2022/`);
    await expect(page.locator('h1').textContent()).resolves.toContain(HOSTILE_NAME);
    await expect(page.locator('main').textContent()).resolves.toContain(HOSTILE_TEXT);
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-hostile.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
