/**
 * `npm start` as a newcomer runs it: the real declaration and handlers in a child process, on a random
 * port in a fresh home; stopped with SIGTERM and started again on the same home.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../../infra/local/runner.ts';
import { type StartedMain, startMain as startMainIn, stopMain } from './fixtures/main-process.ts';

let home: string;
let running: StartedMain | undefined;

const startMain = () => startMainIn(home);

const featuredToken = async (): Promise<string> =>
  (JSON.parse(await readFile(join(home, 'demo-tokens.json'), 'utf8')) as Record<string, string>)[
    'qujiang-trade-union'
  ] ?? '';

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-start-'));
  running = await startMain();
});
afterAll(async () => {
  if (running && running.child.exitCode === null) await stopMain(running, 'SIGKILL');
  await rm(home, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints the URLs, the token files and a ready-to-paste curl line for 韶关市曲江区总工会', async () => {
    const banner = running?.banner ?? '';
    expect(banner).toContain(`${running?.url}/_local/mail`);
    expect(banner).toContain(`${running?.url}/file/`);
    expect(banner).toContain(`${home}/admin-token`);
    expect(banner).toContain('韶关市曲江区总工会 (qujiang-trade-union)');
    expect(banner).toContain(`Sign in at ${running?.url}/file/ as zgh@qujiang.example.org;`);
    expect(banner).toContain(`Authorization: Bearer ${await featuredToken()}`);
  });

  it('answers /health and an unknown route with the API error body', async () => {
    expect(await (await fetch(`${running?.url}/health`)).json()).toEqual({ status: 'ok' });
    const missing = await fetch(`${running?.url}/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('registers the demo agencies, readable with the admin token it wrote', async () => {
    const adminToken = (await readFile(join(home, 'admin-token'), 'utf8')).trim();
    const response = await fetch(`${running?.url}/v1/admin/agencies/qujiang-trade-union`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: '韶关市曲江区总工会',
      regionCode: '440205',
      region: '广东省韶关市曲江区',
      supervisorId: 'qujiang-district-government',
    });
  });

  it('imports the historical sample PDFs under their agencies with the days they were published', async () => {
    const adminToken = (await readFile(join(home, 'admin-token'), 'utf8')).trim();
    const response = await fetch(`${running?.url}/v1/agencies/hongze-district-government/reports`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const { versions } = (await response.json()) as { versions: { year: number; publishedOn: string }[] };
    expect(versions.map((v) => [v.year, v.publishedOn])).toEqual([
      [2023, '2024-02-26'],
      [2024, '2025-02-25'],
    ]);
  });

  it('files the sample report with the demo token, as the banner shows', async () => {
    const response = await fetch(`${running?.url}/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await featuredToken()}`, 'content-type': 'text/plain; charset=utf-8' },
      body: await readFile(join(REPOSITORY_ROOT, 'examples/2022-shaoguan-qujiang-trade-union.txt')),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'accepted', agencyId: 'qujiang-trade-union', year: 2022 });
  });

  it('stops cleanly on SIGTERM and keeps data and tokens across a restart', async () => {
    const tokenBefore = await featuredToken();
    expect(running && (await stopMain(running, 'SIGTERM'))).toBe(0);
    running = await startMain();
    expect(await featuredToken()).toBe(tokenBefore);
    const response = await fetch(`${running.url}/v1/agencies/qujiang-trade-union/reports`, {
      headers: { authorization: `Bearer ${tokenBefore}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ versions: [expect.objectContaining({ year: 2022, version: 1 })] });
  });
});
