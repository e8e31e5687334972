/**
 * The archive through the local system under concurrency: thirty agencies filing at the same moment all
 * reach the datasets and the year and region pages once the compaction schedule has run, with no dead
 * letter; and one filing writes about as many bytes with 15 or with 200 reports already in the year.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocal } from '#infra/local/runner.ts';
import { shardOf } from '#shared/archive/regions.ts';
import { loadDivisions } from '#shared/registry/divisions/load-divisions.ts';

const SEED = readFileSync(
  new URL('../../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt', import.meta.url),
  'utf8',
);
const SEED_NAME = '韶关市曲江区总工会';

let home: string;
let local: LocalSystem;
/** Every county-level division of 江苏省, so agencies spread over real shards. */
let counties: string[];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-archive-'));
  const table = await loadDivisions();
  counties = table
    .children('320000')
    .flatMap((city) => table.children(city.code))
    .map((d) => d.code)
    .filter((code) => /^\d{6}$/.test(code) && !code.endsWith('00'));
  local = await startLocal({ port: 0, home, quiet: true, runSchedules: false, retryBaseMs: 10, queueDelayMs: 100 });
}, 60_000);
afterAll(async () => {
  await local?.stop();
  await rm(home, { recursive: true, force: true });
});

async function call(path: string, init: { method?: string; token?: string; body?: string; type?: string } = {}) {
  const response = await fetch(`${local.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.token ?? local.adminToken}`,
      ...(init.type ? { 'content-type': init.type } : {}),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Registers an agency and returns a filing that names it, ready to send. */
async function register(id: string, name: string, regionCode: string): Promise<() => Promise<number>> {
  const created = await call('/v1/admin/agencies', {
    method: 'POST',
    type: 'application/json',
    body: JSON.stringify({ id, name, kind: 'department', regionCode, supervisorId: null }),
  });
  expect(created.status).toBe(201);
  const token = String((await call(`/v1/admin/agencies/${id}/tokens`, { method: 'POST' })).json.token);
  const text = SEED.replaceAll(SEED_NAME, name);
  return async () =>
    (await call('/v1/reports', { method: 'POST', token, type: 'text/plain; charset=utf-8', body: text })).status;
}

async function text(path: string): Promise<string> {
  return (await fetch(`${local.url}${path}`)).text();
}

/** Bytes of every stored object written since `since` (s3rver keeps one file per object, plus metadata). */
async function bytesWrittenSince(since: number): Promise<number> {
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const info = await stat(path);
        if (info.mtimeMs >= since) total += info.size;
      }
    }
  };
  await walk(join(home, 's3'));
  return total;
}

async function inBatches(filings: readonly (() => Promise<number>)[], size: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < filings.length; i += size)
    statuses.push(...(await Promise.all(filings.slice(i, i + size).map((f) => f()))));
  return statuses;
}

describe('the archive on the local system', () => {
  it('writes about as many bytes for one filing with 15 or with 200 reports in the year', async () => {
    // The filing measured is alone in its own county both times; the others fill other regions.
    const few = await Promise.all(
      Array.from({ length: 15 }, (_, i) => register(`few-${i}`, `少量市第${i}号机关`, counties[i % 5] as string)),
    );
    expect((await inBatches(few, 15)).every((s) => s === 201)).toBe(true);
    await local.waitForIdle();
    const first = await register('measured-a', '测量市甲机关', '440203');
    let started = Date.now();
    expect(await first()).toBe(201);
    await local.waitForIdle();
    const atFew = await bytesWrittenSince(started);

    const fillers = await Promise.all(
      Array.from({ length: 185 }, (_, i) =>
        register(`filler-${i}`, `填充市第${i}号机关`, counties[5 + (i % 40)] as string),
      ),
    );
    expect((await inBatches(fillers, 10)).every((s) => s === 201)).toBe(true);
    await local.waitForIdle();

    const second = await register('measured-b', '测量市乙机关', '440204');
    started = Date.now();
    expect(await second()).toBe(201);
    await local.waitForIdle();
    const atMany = await bytesWrittenSince(started);
    console.log(`bytes written for one filing: ${atFew} with 15 reports in the year, ${atMany} with 201`);
    expect(atMany).toBeLessThan(atFew * 1.5);
    expect(local.deadLetters()).toEqual([]);
  }, 600_000);
  it('keeps 30 agencies filing at the same moment in the datasets and the year and region pages', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `burst-${String(i).padStart(2, '0')}`);
    const regions = ids.map((_, i) => counties[50 + (i % 6)] as string);
    const filings = await Promise.all(ids.map((id, i) => register(id, `示范市第${i}号机关`, regions[i] as string)));
    const statuses = await Promise.all(filings.map((f) => f()));
    expect(statuses.every((s) => s === 201)).toBe(true);
    await local.waitForIdle();
    expect((await local.triggerSchedule('archive-compaction')).ok).toBe(true);
    const csv = await text('/data/2022.csv');
    const json = JSON.parse(await text('/data/2022.json')) as { reports: { agencyId: string }[] };
    const inJson = new Set(json.reports.map((r) => r.agencyId));
    for (const [i, id] of ids.entries()) {
      expect(csv).toContain(`\r\n${id},2022,`);
      expect(inJson.has(id)).toBe(true);
      const county = shardOf({ regionCode: regions[i] as string, region: '' });
      expect(await text(`/regions/${county}/2022/`)).toContain(`data-agency="${id}"`);
    }
    expect(await text('/years/2022/')).toContain('已提交232份');
    expect(local.deadLetters()).toEqual([]);
  }, 180_000);
});
