/**
 * The site read as people read it, on one local stack and one browser: axe-core over the public pages and the
 * upload page at a desktop and a phone width, 表三 on a phone, search by short forms and without script, and
 * the feed opened in a browser. Filed first: the seed report (every figure 0) and 洪泽区's 2024 report (two
 * warnings, so marked cells).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionPathOf } from '#shared/archive/regions.ts';
import { SEED_TEXT, withArithmeticError } from '../unit/filing/seed-report.ts';
import { type BrowserStage, SCREENSHOTS, startBrowserStage } from './browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const sample = (name: string) => readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url));
const HONGZE = 'hongze-district-government';
const HONGZE_REPORT = `/reports/${HONGZE}/2024/`;
const COUNTY = regionPathOf({ regionCode: '440205', region: '广东省韶关市曲江区' })[2].code;
const PAGES = [
  '/',
  HONGZE_REPORT,
  '/reports/qujiang-trade-union/2022/',
  '/years/2024/',
  '/years/2022/',
  `/regions/${COUNTY}/2022/`,
  '/agencies/',
  '/years/',
  '/no-such-page/',
  '/feed.xml',
  '/file/',
];
const WIDTHS = [1280, 390];

interface Violation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

let stage: BrowserStage;

async function file(agencyId: string, body: Buffer, contentType: string): Promise<void> {
  const response = await fetch(`${stage.local.url}/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stage.local.demoTokens[agencyId]}`, 'content-type': contentType },
    body: new Uint8Array(body),
  });
  if (response.status >= 300) throw new Error(`filing ${agencyId} answered ${response.status}`);
}

/** axe-core evaluated through the debugging protocol, which the pages' content security policy allows. */
async function violationsOf(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return found.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  stage = await startBrowserStage('readable');
  await file('qujiang-trade-union', sample('2022-shaoguan-qujiang-trade-union.txt'), 'text/plain; charset=utf-8');
  await file(HONGZE, sample('2024-huaian-hongze-district-government.pdf'), 'application/pdf');
  await stage.local.waitForIdle();
  await stage.local.triggerSchedule('archive-compaction');
});
afterAll(() => stage?.stop());

describe('axe-core on the public site and the upload page', () => {
  it.each(WIDTHS)('finds no violation at %i pixels wide', async (width) => {
    const page = await stage.newPage({ viewport: { width, height: 900 } });
    const violations: Record<string, string[]> = {};
    for (const path of PAGES) {
      await page.goto(`${stage.local.url}${path}`);
      const found = await violationsOf(page);
      if (found.length > 0) violations[path] = found;
    }
    await page.close();
    expect(violations).toEqual({});
  });

  it('finds no violation on the upload page showing a checked report with its failing cells marked', async () => {
    const page = await stage.newPage({ viewport: { width: WIDTHS[0] as number, height: 900 } });
    await page.goto(`${stage.local.url}/file/`);
    await page.getByLabel('报送令牌').fill(stage.local.demoTokens['qujiang-trade-union'] ?? '');
    await page.getByRole('button', { name: '用令牌登录' }).click();
    await page.getByText('或者粘贴报告全文').click();
    await page.getByLabel('报告全文').fill(withArithmeticError(SEED_TEXT));
    await page.getByRole('button', { name: '检查报告' }).click();
    await page.locator('#results:not([hidden]) td.cell--error').first().waitFor();
    const violations: Record<number, string[]> = {};
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const found = await violationsOf(page);
      if (found.length > 0) violations[width] = found;
    }
    await page.close();
    expect(violations).toEqual({});
  });
});

describe('the site on a 390-pixel phone', () => {
  it('shows 表三 with its row labels held in place while the figures scroll, a cue, and the marked cells', async () => {
    const page = await stage.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${stage.local.url}${HONGZE_REPORT}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = page.locator('.table-box--applications');
    const table = box.locator('table');
    // Once 3,553 px tall with labels one character a line.
    expect((await table.boundingBox())?.height).toBeLessThan(1800);
    const label = table.locator('th.label--d2').first();
    expect((await label.boundingBox())?.width).toBeGreaterThan(90);
    const cue = await table.locator('caption').evaluate((c) => getComputedStyle(c, '::after').content);
    expect(cue).toContain('左右滑动');
    const overflow = await box.evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(overflow).toBeGreaterThan(0);
    const before = await label.boundingBox();
    await box.evaluate((b) => b.scrollTo({ left: b.scrollWidth }));
    const after = await label.boundingBox();
    expect(Math.abs((after?.x ?? 0) - (before?.x ?? Number.NaN))).toBeLessThanOrEqual(2);
    const marked = table.locator('td.cell--warning').first();
    await marked.scrollIntoViewIfNeeded();
    const shown = await marked.evaluate((cell) => {
      const r = cell.getBoundingClientRect();
      return cell.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(shown).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-table3-phone.png') });
    await page.close();
  });

  it('lists the agencies of a county as cards, each name on one line and its status in view', async () => {
    const page = await stage.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${stage.local.url}/regions/${COUNTY}/2022/`);
    const row = page.locator('tr[data-agency="qujiang-trade-union"]');
    expect((await row.locator('th').boundingBox())?.width).toBeGreaterThan(300);
    const badge = await row.locator('.badge').boundingBox();
    expect((badge?.x ?? 999) + (badge?.width ?? 0)).toBeLessThanOrEqual(390);
    await expect(
      row
        .locator('td')
        .last()
        .evaluate((td) => getComputedStyle(td, '::before').content),
    ).resolves.toBe('"状态"');
    await page.close();
  });
});

describe('finding a report', () => {
  it('finds 淮安市洪泽区人民政府 by 洪泽区政府 with the search script', async () => {
    const page = await stage.newPage();
    await page.goto(`${stage.local.url}/`);
    await page.getByLabel('机关名称或报告标题').fill('洪泽区政府');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.locator('#search-results a').first().waitFor();
    await expect(page.locator('#search-results a').first().getAttribute('href')).resolves.toBe(HONGZE_REPORT);
    await page.close();
  });

  it('offers the region list when search cannot run without script', async () => {
    const context = await stage.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stage.local.url}/`);
    await expect(page.locator('.search .notice').textContent()).resolves.toContain('按地区查找');
    await page.getByLabel('机关名称或报告标题').fill('洪泽区政府');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/\?q=.*#regions$/);
    await expect(page.locator('#regions + ul a').first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('the feed', () => {
  it('opens as a page in a browser and stays an Atom document', async () => {
    const page = await stage.newPage();
    await page.goto(`${stage.local.url}/feed.xml`);
    await expect(page.locator('h1').textContent()).resolves.toBe('订阅最新报告');
    const link = page.getByRole('link', { name: /淮安市洪泽区人民政府2024年/ });
    await expect(link.getAttribute('href')).resolves.toMatch(new RegExp(`^https?://[^/]+${HONGZE_REPORT}$`));
    const atom = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('/feed.xml')).text(), 'application/xml');
      return {
        errors: xml.getElementsByTagName('parsererror').length,
        root: `${xml.documentElement.namespaceURI} ${xml.documentElement.localName}`,
        entries: xml.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length,
      };
    });
    expect(atom).toEqual({ errors: 0, root: 'http://www.w3.org/2005/Atom feed', entries: 2 });
    await page.close();
  });

  it('draws the year chart when the totals are not all zero', async () => {
    const page = await stage.newPage();
    await page.goto(`${stage.local.url}/years/2024/`);
    expect(await page.locator('svg.bar-chart').count()).toBe(1);
    await page.close();
  });
});
