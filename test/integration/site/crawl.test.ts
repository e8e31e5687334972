/**
 * No dead ends: the local system as `npm start` runs it (demo registry, historical imports), one filing of the
 * seed, then every same-origin link reachable from `/` — pages, downloads, the feed, sitemaps — is fetched
 * and none answers 404; an unknown public URL answers with the site's zh-CN 404 page.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '#infra/local/runner.ts';
import { startTemporaryLocal } from '../../helpers/temporary-local.ts';

const A = 'qujiang-trade-union';
const SEED = readFileSync(new URL('../../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt', import.meta.url));
/** Far above what one filing and the demo imports publish; a runaway crawl fails instead of hanging. */
const MAX_URLS = 2_000;

let local: LocalSystem;

beforeAll(async () => {
  local = await startTemporaryLocal('crawl', { importSamples: true });
  const response = await fetch(`${local.url}/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${local.demoTokens[A]}`, 'content-type': 'text/plain; charset=utf-8' },
    body: SEED,
  });
  expect(response.status).toBe(201);
  await local.waitForIdle();
  expect((await local.triggerSchedule('archive-compaction')).ok).toBe(true);
  // The year's first files put their links on the year page, through the queue.
  await local.waitForIdle();
}, 180_000);
afterAll(async () => {
  await local?.stop();
});

/** Every href, src and Atom/sitemap location in a page or document, resolved against its URL. */
function linksIn(text: string, base: URL): URL[] {
  const found = [...text.matchAll(/(?:href|src)="([^"]*)"|<loc>([^<]*)<\/loc>|^Sitemap: (\S+)$/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
  return found
    .map((raw) => raw.replaceAll('&amp;', '&'))
    .filter((raw) => raw !== '' && !raw.startsWith('#') && !raw.startsWith('mailto:'))
    .map((raw) => new URL(raw, base));
}

/** The text as sent, BOM included (Response.text() drops it). */
const withBom = (bytes: ArrayBuffer): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The site's absolute links name the running site (its port), never another address. */
function sameSite(url: URL, site: URL): boolean {
  return url.port === site.port && ['localhost', '127.0.0.1'].includes(url.hostname) && url.protocol === site.protocol;
}

describe('a crawl of the local site from /', () => {
  it('finds no link that answers 404, and every absolute link names the running port', async () => {
    const site = new URL(local.url);
    const seen = new Set<string>();
    // The sitemaps hang off robots.txt, as crawlers find them.
    const queue = [new URL('/', site), new URL('/robots.txt', site)];
    const broken: string[] = [];
    const elsewhere: string[] = [];
    while (queue.length > 0 && seen.size < MAX_URLS) {
      const url = queue.shift() as URL;
      url.hash = '';
      const target = new URL(`${url.pathname}${url.search}`, site).href;
      if (seen.has(target)) continue;
      seen.add(target);
      const response = await fetch(target, { redirect: 'follow' });
      if (response.status === 404) broken.push(url.pathname);
      const type = response.headers.get('content-type') ?? '';
      const readable = /html|xml/.test(type) || url.pathname === '/robots.txt';
      const body = await response.arrayBuffer();
      const text = readable ? new TextDecoder().decode(body) : '';
      for (const link of linksIn(text, url)) {
        if (link.protocol !== 'http:' && link.protocol !== 'https:') continue;
        if (link.hostname === site.hostname || link.hostname === 'localhost') {
          if (!sameSite(link, site)) elsewhere.push(link.href);
          else queue.push(link);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(seen.size).toBeLessThan(MAX_URLS);
    const paths = [...seen].map((u) => new URL(u).pathname);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/years/',
        '/agencies/',
        '/feed.xml',
        `/reports/${A}/2022/`,
        `/reports/${A}/2022/report.csv`,
        `/reports/${A}/2022/report-wide.csv`,
        '/data/datapackage.json',
        '/data/2022.csv',
        '/data/2022-wide.csv',
      ]),
    );
  });

  it('offers each report and each year as one row per report with Chinese headers, for Excel', async () => {
    const report = await fetch(`${local.url}/reports/${A}/2022/report-wide.csv`);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = withBom(await report.arrayBuffer()).split('\r\n');
    expect(lines[0]?.startsWith('\uFEFF机关标识,机关名称,报告年度,版本,')).toBe(true);
    expect(lines[0]).toContain('表三 › 一、本年新收政府信息公开申请数量 › 总计');
    expect(lines[1]?.startsWith(`${A},韶关市曲江区总工会,2022,1,440000,广东省,440200,韶关市,440205,曲江区,`)).toBe(
      true,
    );
    expect(lines.slice(2)).toEqual(['']);

    const year = withBom(await (await fetch(`${local.url}/data/2022-wide.csv`)).arrayBuffer());
    const rows = year.split('\r\n');
    expect(rows[0]).toBe(lines[0]);
    expect(rows.filter((r) => r.startsWith(`${A},`))).toEqual([lines[1]]);
    const pkg = (await (await fetch(`${local.url}/data/datapackage.json`)).json()) as {
      resources: { name: string; schema: { fields: { name: string }[] } }[];
    };
    const wide = pkg.resources.find((r) => r.name === 'reports-2022-wide-csv');
    expect(wide?.schema.fields.map((f) => f.name).join(',')).toBe(lines[0]?.slice(1));
  });

  it('answers an unknown URL with the zh-CN 404 page, in the site frame, and API paths with the API error', async () => {
    for (const path of ['/no-such-page/', '/reports/no-such-agency/2022/', '/agencies/nobody/', '/data/1999.csv']) {
      const response = await fetch(`${local.url}${path}`, { headers: { accept: 'text/html' } });
      expect([path, response.status, response.headers.get('content-type')]).toEqual([
        path,
        404,
        'text/html; charset=utf-8',
      ]);
      const text = await response.text();
      expect(text).toContain('<html lang="zh-CN">');
      expect(text).toContain('<h1>页面不存在</h1>');
      expect(text).toContain('href="/agencies/"');
      expect(text).toContain('href="/years/"');
      expect(text).toContain('href="/regions/440000/"');
    }
    const head = await fetch(`${local.url}/no-such-page/`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    const api = await fetch(`${local.url}/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    const post = await fetch(`${local.url}/no-such-page/`, { method: 'POST', body: '{}' });
    expect([post.status, post.headers.get('content-type')]).toEqual([404, 'application/json; charset=utf-8']);
  });
});
