import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '#infra/local/runner.ts';
import { ofYear, SEED_TEXT } from '../unit/filing/seed-report.ts';
import { type BrowserStage, startBrowserStage } from './browser.ts';

const A = 'qujiang-trade-union';
/** 韶关市曲江区总工会's registered contact (examples/agencies.json). */
const STAFF = 'zgh@qujiang.example.org';
const COOKIE = '__Host-gongkai-session';
const LICENSING = 'proactiveDisclosure.licensing.decisions';
/** The seed as 2023's report, with 20 licensing decisions where 2022 had none: a 核实性 warning (Y3). */
const NEXT_YEAR = ofYear(SEED_TEXT, 2023).replace('\t行政许可\n\t0\n', '\t行政许可\n\t20\n');
const REASON = '本年新承接区人社局下放的审批事项，许可决定随之增加';

let stage: BrowserStage;
let local: LocalSystem;
/** Every URL either browser context asked for, to show that no secret ever travelled in one. */
const requested: string[] = [];
const codes: string[] = [];

beforeAll(async () => {
  stage = await startBrowserStage('sign-in-e2e');
  local = stage.local;
});
afterAll(() => stage?.stop());

async function contextWith(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stage.browser.newContext({ javaScriptEnabled });
  context.on('request', (request) => requested.push(request.url()));
  return { context, page: await context.newPage() };
}

/** The code in the newest mail to the address, read from the local inbox. */
async function mailedCode(address: string, count: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mails = (await local.mail()) as { destination?: { to?: string[] }; body?: { text?: string } }[];
    const to = mails.filter((m) => m.destination?.to?.includes(address));
    const code = to.length >= count ? /(\d{6})/.exec(to.at(-1)?.body?.text ?? '')?.[1] : undefined;
    if (code !== undefined) {
      codes.push(code);
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no code mailed to ${address}`);
}

const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

async function requestCode(page: Page, address: string): Promise<void> {
  await page.goto(`${local.url}/file/`);
  await page.getByLabel('登记的电子邮箱').fill(address);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByLabel('6 位验证码').waitFor();
}

async function presentCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('6 位验证码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('signing in at /file/ by e-mail code, with JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await contextWith(true)));

  it('signs in with the code from the local inbox, in an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    await requestCode(page, STAFF);
    await expect(page.locator('#code-sent').textContent()).resolves.toContain(STAFF);
    await presentCode(page, await mailedCode(STAFF, 1));
    await page.locator('#workspace:not([hidden])').waitFor();
    await expect(page.locator('#agency-name').textContent()).resolves.toBe('韶关市曲江区总工会');
    const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    await expect(page.evaluate(() => [document.cookie, sessionStorage.length, localStorage.length])).resolves.toEqual([
      '',
      0,
      0,
    ]);
  });

  it('files the seed report on the session', async () => {
    await page.getByText('或者粘贴报告全文').click();
    await page.getByLabel('报告全文').fill(SEED_TEXT);
    await page.getByRole('button', { name: '检查报告' }).click();
    await page.locator('#results:not([hidden]) .status').waitFor();
    await expect(page.locator('#check-summary .status').textContent()).resolves.toContain('检查通过');
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.locator('#receipt:not([hidden])').waitFor();
    await expect(page.locator('#receipt-body').textContent()).resolves.toMatch(/已接收.*第 1 版/);
    const versions = await fetch(`${local.url}/v1/agencies/${A}/reports`, {
      headers: { authorization: `Bearer ${local.demoTokens[A]}` },
    });
    expect(((await versions.json()) as { versions: unknown[] }).versions).toHaveLength(1);
  });

  it('answers a warning with an explanation on the session, and the public page shows it beside the cell', async () => {
    const pasted = page.getByLabel('报告全文');
    if (!(await pasted.isVisible())) await page.getByText('或者粘贴报告全文').click();
    await pasted.fill(NEXT_YEAR);
    await page.getByRole('button', { name: '检查报告' }).click();
    const y3 = page.locator('#findings .finding-list > li', { hasText: '规则 Y3' });
    await y3.waitFor();
    await y3.getByRole('textbox').fill(REASON);
    await page.getByRole('button', { name: '正式报送' }).click();
    await page.locator('#receipt:not([hidden])').waitFor();
    await expect(page.locator('#receipt-body').textContent()).resolves.toMatch(/已接收.*第 1 版/);
    await expect(page.locator('#receipt-body .receipt-explanations').textContent()).resolves.toBe(`规则 Y3：${REASON}`);

    await local.waitForIdle();
    const reader = await stage.browser.newPage();
    await reader.goto(`${local.url}/reports/${A}/2023/`);
    const cell = reader.locator(`td[data-path="${LICENSING}"]`);
    await expect(cell.getAttribute('class')).resolves.toContain('cell--warning');
    const finding = (await cell.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
    await expect(reader.locator(`[id="${finding}"] .finding__explanation`).textContent()).resolves.toBe(
      `报送机关说明：${REASON}`,
    );
    await reader.close();
  });

  it('signs out server-side: the old cookie opens nothing afterwards', async () => {
    const session = (await context.cookies()).find((c) => c.name === COOKIE)?.value ?? '';
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('登记的电子邮箱').waitFor();
    expect((await context.cookies()).some((c) => c.name === COOKIE)).toBe(false);
    const replayed = await fetch(`${local.url}/v1/me`, { headers: { cookie: `${COOKIE}=${session}` } });
    expect(replayed.status).toBe(401);
  });

  it('locks the address after five wrong codes, even against the right one', async () => {
    const address = 'jyj@qujiang.example.org';
    await requestCode(page, address);
    const code = await mailedCode(address, 1);
    for (let i = 1; i <= 4; i++) {
      await presentCode(page, wrongFor(code));
      await page.locator('#code-error', { hasText: '验证码不正确' }).waitFor();
      await page.evaluate(() => {
        const error = document.getElementById('code-error');
        if (error) error.textContent = '';
      });
    }
    await presentCode(page, wrongFor(code));
    await page.locator('#code-error', { hasText: '已暂时锁定' }).waitFor();
    await presentCode(page, code);
    await page.locator('#code-error', { hasText: '已暂时锁定' }).waitFor();
    expect(await page.locator('#workspace').isHidden()).toBe(true);
    await context.close();
  });
});

describe('signing in at /file/ by e-mail code, without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await contextWith(false)));

  it('signs in through forms the API answers with pages, and sets the session cookie', async () => {
    await requestCode(page, STAFF);
    expect(new URL(page.url()).pathname).toBe('/v1/sign-in/codes');
    await expect(page.locator('h1').textContent()).resolves.toBe('输入验证码');
    await presentCode(page, await mailedCode(STAFF, 2));
    await page.waitForURL(`${local.url}/file/`);
    expect(await page.locator('noscript').count()).toBe(1);
    expect(await page.locator('#token-sign-in').isHidden()).toBe(true);
    const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    await page.goto(`${local.url}/v1/me`);
    await expect(page.locator('body').textContent()).resolves.toContain(`"agencyId":"${A}"`);
  });

  it('locks the address after five wrong codes, and asking again is refused', async () => {
    const address = 'mbz@qujiang.example.org';
    await requestCode(page, address);
    const code = await mailedCode(address, 1);
    for (let i = 1; i <= 4; i++) {
      await presentCode(page, wrongFor(code));
      await expect(page.locator('#code-error').textContent()).resolves.toContain('验证码不正确');
    }
    await presentCode(page, wrongFor(code));
    await expect(page.locator('main').textContent()).resolves.toContain('已暂时锁定');
    await page.goto(`${local.url}/file/`);
    await page.getByLabel('登记的电子邮箱').fill(address);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('已暂时锁定');
    await context.close();
  });

  it('never put an address, a code or a token in a URL, with or without JavaScript', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(codes.length).toBeGreaterThanOrEqual(4);
    for (const url of requested) {
      const { search } = new URL(url);
      for (const secret of [...codes, 'token=', 'code=', 'email=', '%40', '@']) expect(search).not.toContain(secret);
    }
  });
});
