/** The public archive through `startLocal`: one filing of the seed report and the pages it produces. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '#infra/local/runner.ts';
import { regionPathOf } from '#shared/archive/regions.ts';
import { keyBucket } from '#shared/archive/search-files.ts';
import { startTemporaryLocal } from '../../helpers/temporary-local.ts';

const A = 'qujiang-trade-union';
const QUJIANG = { regionCode: '440205', region: '广东省韶关市曲江区' };
const SEED = readFileSync(new URL('../../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt', import.meta.url));

let local: LocalSystem;

async function get(path: string): Promise<{ status: number; type: string | null; text: string; bytes: Buffer }> {
  const response = await fetch(`${local.url}${path}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), text: bytes.toString('utf8'), bytes };
}

async function file(body: string, query = ''): Promise<Record<string, unknown>> {
  const response = await fetch(`${local.url}/v1/reports${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${local.demoTokens[A]}`, 'content-type': 'text/plain; charset=utf-8' },
    body,
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  local = await startTemporaryLocal('site');
  await file(SEED.toString('utf8'));
  await local.waitForIdle();
  expect((await local.triggerSchedule('archive-compaction')).ok).toBe(true);
});
afterAll(async () => {
  await local?.stop();
});

describe('the public archive after one accepted filing of the seed report', () => {
  it('publishes the report page in the official layout with its downloads', async () => {
    const page = await get(`/reports/${A}/2022/`);
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.text).toContain('韶关市曲江区总工会');
    expect(page.text).toContain('<caption>三、收到和处理政府信息公开申请情况</caption>');
    expect(page.text).toContain('data-path="applications.newReceived.total"');
    expect(page.text).toContain('自动检查未发现问题');

    const json = await get(`/reports/${A}/2022/report.json`);
    expect(json.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.text)).toMatchObject({ year: 2022, agency: { name: '韶关市曲江区总工会' } });
    const csv = await get(`/reports/${A}/2022/report.csv`);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.text).toContain('applications.newReceived.total');
    const original = await get(`/reports/${A}/2022/original.txt`);
    expect(original.bytes.equals(SEED)).toBe(true);
    expect((await get(`/reports/${A}/2022/v1/`)).status).toBe(200);
  });

  it('lists the report on its agency page, its region page with its filing status, and the 2022 page', async () => {
    const agency = await get(`/agencies/${A}/`);
    expect(agency.text).toContain(`href="/reports/${A}/2022/"`);
    const [province, city, county] = regionPathOf(QUJIANG);
    const region = await get(`/regions/${county.code}/2022/`);
    expect(region.text).toContain(`href="/reports/${A}/2022/"`);
    expect(region.text).toMatch(new RegExp(`data-agency="${A}".*?badge--(onTime|late)`));
    expect(region.text).toContain('badge--missing');
    expect((await get(`/regions/${city.code}/2022/`)).text).toContain(`href="/regions/${county.code}/2022/"`);
    const year = await get('/years/2022/');
    expect(year.text).toContain(`href="/regions/${province.code}/2022/"`);
    // Every figure of the seed is 0: a note says so instead of a chart of empty bars.
    expect(year.text).not.toContain('<svg class="bar-chart"');
    expect(year.text).toContain('本年度各项均为零');
  });

  it('adds the filing to the home page, the feed, the sitemaps, the search index and the datasets', async () => {
    expect((await get('/')).text).toContain(`href="/reports/${A}/2022/"`);
    const feed = await get('/feed.xml');
    // As XML, so a browser applies the feed's stylesheet instead of showing bare text.
    expect(feed.type).toBe('application/xml; charset=utf-8');
    expect(feed.text).toContain('<?xml-stylesheet type="text/xsl" href="/assets/feed.xsl"?>');
    expect((await get('/assets/feed.xsl')).type).toBe('text/xsl; charset=utf-8');
    expect(feed.text).toContain(`/reports/${A}/2022/v1/</id>`);
    const county = regionPathOf(QUJIANG)[2].code;
    expect((await get('/sitemap.xml')).text).toContain(`/sitemaps/2022/${county}.xml</loc>`);
    expect((await get(`/sitemaps/2022/${county}.xml`)).text).toContain(`/reports/${A}/2022/</loc>`);
    const manifest = JSON.parse((await get('/search/index.json')).text) as { buckets: number };
    expect((await get(`/search/keys/${keyBucket('曲江', manifest.buckets)}.json`)).text).toContain('"曲江"');
    const dataset = await get('/data/2022.csv');
    expect(dataset.text).toContain(`${A},2022,applications.newReceived.total`);
    expect(JSON.parse((await get('/data/2022.json')).text).reports).toHaveLength(1);
    expect((await get('/data/2022.parquet')).status).toBe(200);
    expect(JSON.parse((await get('/data/schema.json')).text)).toHaveProperty('properties.applications');
    expect((await get('/assets/site.css')).type).toBe('text/css; charset=utf-8');
  });

  it('publishes an amendment as version 2 with its reason, what changed and the earlier version', async () => {
    const amendedText = SEED.toString('utf8').replace('本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量 ');
    await file(`${amendedText}\n`, `?amendmentReason=${encodeURIComponent('更正格式')}`);
    await local.waitForIdle();
    const page = await get(`/reports/${A}/2022/`);
    expect(page.text).toContain('第2版');
    expect(page.text).toContain('更正原因：更正格式');
    expect(page.text).toContain('数据与文字均无变化');
    expect((await get(`/reports/${A}/2022/v1/`)).text).toContain('此为历史版本');
    expect((await get('/feed.xml')).text).toContain(`/reports/${A}/2022/v2/</id>`);
    expect(local.deadLetters()).toEqual([]);
  });

  it('rebuilds every page through the admin route with the same result', async () => {
    const before = (await get(`/reports/${A}/2022/`)).text;
    const response = await fetch(`${local.url}/v1/admin/site/rebuild`, {
      method: 'POST',
      headers: { authorization: `Bearer ${local.adminToken}` },
    });
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    await local.waitForIdle();
    const job = await fetch(`${local.url}/v1/admin/site/rebuild/${jobId}`, {
      headers: { authorization: `Bearer ${local.adminToken}` },
    });
    expect(await job.json()).toMatchObject({ status: 'done', reports: 1 });
    expect((await get(`/reports/${A}/2022/`)).text).toBe(before);
  });
});
