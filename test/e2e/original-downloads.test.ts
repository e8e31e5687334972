/**
 * An agency tries to publish a script on the site's origin: a report with a trailing `<script>` line sent as
 * `x.html`, and a report that is also JavaScript sent as `x.js`. Both are accepted (they are readable reports),
 * and neither runs: a signed-in page that opens them keeps its token.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '#infra/local/runner.ts';
import { SEED_TEXT } from '../unit/filing/seed-report.ts';
import { type BrowserStage, startBrowserStage } from './browser.ts';

const A = 'qujiang-trade-union';
/** Every key of sessionStorage overwritten, and a mark left, if it ever runs on the origin. */
const PAYLOAD = "for(const k of Object.keys(sessionStorage))sessionStorage.setItem(k,'stolen');window.pwned=1;";
const SCRIPT_REPORT = `${SEED_TEXT}\n<script>${PAYLOAD}</script>\n`;
const POLYGLOT_REPORT = `/*\n${SEED_TEXT}\n*/${PAYLOAD}\n`;

let stage: BrowserStage;
let local: LocalSystem;
let page: Page;
let filed: { html: Response; js: Response };

async function fileAs(text: string, part: { type: string; name: string }, query = ''): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([text], { type: part.type }), part.name);
  return fetch(`${local.url}/v1/reports${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${local.demoTokens[A] ?? ''}` },
    body: form,
  });
}

async function published(path: string): Promise<Response> {
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${local.url}${path}`);
    if (response.status === 200) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} was never published`);
}

/** The original's link on a published report page (`v1/`, `v2/` or the current page ``). */
async function originalLink(version: string): Promise<string> {
  const html = await (await published(`/reports/${A}/2022/${version}`)).text();
  const href = /<a href="([^"]*\/original\.[^"]*)" download>/.exec(html)?.[1];
  if (href === undefined) throw new Error(`no original linked from /reports/${A}/2022/${version}`);
  return href;
}

beforeAll(async () => {
  stage = await startBrowserStage('originals');
  local = stage.local;
  page = await stage.newPage();
  const html = await fileAs(SCRIPT_REPORT, { type: 'text/html', name: 'x.html' });
  const js = await fileAs(POLYGLOT_REPORT, { type: 'text/javascript', name: 'x.js' }, '?amendmentReason=更正');
  filed = { html, js };
});
afterAll(() => stage?.stop());

describe('originals filed to run as script', () => {
  it('accepts both reports and publishes their originals as text, typed by their bytes', async () => {
    const { html, js } = filed;
    expect(html.status).toBe(201);
    expect(await html.json()).toMatchObject({
      version: 1,
      original: { contentType: 'text/plain; charset=utf-8', fileName: 'x.html' },
    });
    expect(js.status).toBe(201);
    expect(await js.json()).toMatchObject({ version: 2, original: { contentType: 'text/plain; charset=utf-8' } });
    const original = await published(`/reports/${A}/2022/v2/original.txt`);
    expect(original.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(original.headers.get('content-disposition')).toBe('attachment');
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(original.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(await original.text()).toBe(POLYGLOT_REPORT);
    for (const missing of ['v1/original.html', 'v2/original.js', 'original.html', 'original.js']) {
      expect((await fetch(`${local.url}/reports/${A}/2022/${missing}`)).status).toBe(404);
    }
  });

  it('leaves the token of a signed-in page untouched when the originals are opened in its tab', async () => {
    await page.goto(`${local.url}/file/`);
    await page.getByLabel('报送令牌').fill(local.demoTokens[A] ?? '');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#workspace:not([hidden])').waitFor();
    const signedIn = await page.evaluate(() => JSON.stringify(sessionStorage));
    expect(signedIn).toContain(local.demoTokens[A]);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    // Where the report pages link them, as a reader would find them.
    const urls = [await originalLink('v1/'), await originalLink('v2/'), await originalLink('')];
    urls.push(urls[2]?.replace(/\.(\w+)$/, '%2E$1') ?? '');
    for (const url of urls) {
      // A download aborts the navigation; the tab stays on the upload page.
      await page.goto(`${local.url}${url}`).catch(() => undefined);
      await page.waitForTimeout(100);
      expect(new URL(page.url()).pathname).toBe('/file/');
    }
    expect(downloads).toHaveLength(urls.length);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toBe(signedIn);
    await expect(page.evaluate(() => (window as { pwned?: number }).pwned)).resolves.toBeUndefined();
    expect(stage.dialogs).toEqual([]);
  });

  it('refuses to run the polyglot as a script even from a same-origin page that includes it', async () => {
    const outcome = await page.evaluate(
      (src) =>
        new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = src;
          script.onload = () => resolve('ran');
          script.onerror = () => resolve('refused');
          document.head.append(script);
        }),
      `/reports/${A}/2022/original.txt`,
    );
    expect(outcome).toBe('refused');
    await expect(page.evaluate(() => (window as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await expect(page.evaluate(() => sessionStorage.getItem('gongkai.filingToken'))).resolves.toBe(local.demoTokens[A]);
  });
});
