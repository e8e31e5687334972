import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/captured-io.ts';

const env = { GONGKAI_ENDPOINT: 'https://api.example.cn', GONGKAI_TOKEN: 'gk.admin.secret' };

function fakeApi(answer: unknown) {
  const seen: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { seen, fetch: fetchImpl };
}

describe('gongkai site rebuild', () => {
  it('starts a rebuild job and prints how many reports it rebuilt', async () => {
    const api = fakeApi({ jobId: 'j1', status: 'done', shards: 3, shardsDone: 3, reports: 12 });
    const run = await runCli(['site', 'rebuild'], { env, fetch: api.fetch });
    expect(run.code).toBe(0);
    expect(api.seen).toEqual(['POST /v1/admin/site/rebuild']);
    expect(run.stdout).toContain('rebuilt 12 reports in 3 regions');
  });

  it('fails on an answer it does not understand', async () => {
    const run = await runCli(['site', 'rebuild'], { env, fetch: fakeApi({ ok: true }).fetch });
    expect(run.code).not.toBe(0);
  });
});
