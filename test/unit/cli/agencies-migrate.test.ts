import { describe, expect, it } from 'vitest';
import { runCli } from './captured-io.ts';

/** A registry of entries from before region codes, behind a stand-in API that records every PUT. */
function registryApi() {
  const legacy = [
    { id: 'hongze', name: '淮安市洪泽区人民政府', kind: 'government', region: '淮安市洪泽区' },
    { id: 'chaoyang', name: '朝阳区某局', kind: 'department', region: '朝阳区' },
    { id: 'coded', name: '曲江区某局', kind: 'department', region: '广东省韶关市曲江区', regionCode: '440205' },
  ].map((a) => ({
    supervisorId: null,
    contactEmails: [],
    deadlineOverride: null,
    aliases: [],
    creditCode: null,
    ...a,
  }));
  const puts: { path: string; body: Record<string, unknown> }[] = [];
  const fetchStub: typeof fetch = async (url, init) => {
    const path = new URL(String(url)).pathname;
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      puts.push({ path, body });
      return Response.json(body);
    }
    return Response.json({ agencies: legacy });
  };
  return { puts, fetchStub };
}

describe('gongkai agencies migrate', () => {
  it('gives a free-text region its code where it resolves, and lists the rest', async () => {
    const api = registryApi();
    const run = await runCli(['agencies', 'migrate'], {
      env: { GONGKAI_ENDPOINT: 'http://api', GONGKAI_TOKEN: 't0k' },
      fetch: api.fetchStub,
    });
    expect(run.code).toBe(1);
    expect(api.puts).toEqual([
      { path: '/v1/admin/agencies/hongze', body: expect.objectContaining({ id: 'hongze', regionCode: '320813' }) },
    ]);
    expect(run.stdout).toContain('hongze  淮安市洪泽区 → 320813 江苏省淮安市洪泽区');
    expect(run.stdout).toMatch(/chaoyang {2}未迁移 kept {2}区划“朝阳区”有多个可能/);
    expect(run.stdout).toContain('2 without a code, 1 migrated, 1 unresolved');
  });

  it('writes nothing on a dry run', async () => {
    const api = registryApi();
    const run = await runCli(['agencies', 'migrate', '--dry-run'], {
      env: { GONGKAI_ENDPOINT: 'http://api', GONGKAI_TOKEN: 't0k' },
      fetch: api.fetchStub,
    });
    expect(api.puts).toEqual([]);
    expect(run.stdout).toContain('1 can be migrated, 1 unresolved');
  });
});
