import { describe, expect, it } from 'vitest';
import { runCli } from './captured-io.ts';

interface Seen {
  method: string;
  url: string;
  body: string | null;
  authorization: string | null;
}

/** A stand-in API that answers every request with `answer(url)` and remembers what it was asked. */
function fakeApi(answer: (url: URL) => unknown) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    seen.push({
      method: init?.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      body: typeof init?.body === 'string' ? init.body : null,
      authorization: headers.get('authorization'),
    });
    return new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { seen, fetch: fetchImpl };
}

const env = { GONGKAI_ENDPOINT: 'https://api.example.cn', GONGKAI_TOKEN: 'gk.admin.secret' };
const RUN = {
  asOf: '2023-02-01',
  year: 2022,
  dryRun: true,
  agencies: 3,
  notices: [
    {
      kind: 'overdue',
      stage: 'overdue',
      agencyId: 'qujiang-education-bureau',
      agencyName: '韶关市曲江区教育局',
      year: 2022,
      deadline: '2023-01-31',
      daysFromDeadline: 1,
      recipients: ['jyj@qujiang.example.org'],
      supervisorId: null,
    },
  ],
};

describe('gongkai deadlines run', () => {
  it('posts the day and the dry-run flag, and prints what would be emitted', async () => {
    const api = fakeApi(() => RUN);
    const run = await runCli(['deadlines', 'run', '--as-of', '2023-02-01', '--dry-run'], { env, fetch: api.fetch });
    expect(run.code).toBe(0);
    expect(api.seen).toEqual([
      {
        method: 'POST',
        url: '/v1/admin/deadlines/run',
        body: '{"asOf":"2023-02-01","dryRun":true}',
        authorization: 'Bearer gk.admin.secret',
      },
    ]);
    expect(run.stdout).toContain('将发出 would emit 1 条通知');
    expect(run.stdout).toMatch(/qujiang-education-bureau\s+已逾期\s+overdue\s+2023-01-31\s+jyj@qujiang\.example\.org/);
  });

  it('refuses a day that is not YYYY-MM-DD before calling the API', async () => {
    const api = fakeApi(() => RUN);
    const run = await runCli(['deadlines', 'run', '--as-of', '1 Feb'], { env, fetch: api.fetch });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--as-of must be YYYY-MM-DD');
    expect(api.seen).toEqual([]);
  });
});

describe('gongkai notices list', () => {
  it('follows the cursor through every page and prints the notices as JSON', async () => {
    const notice = (agencyId: string) => ({
      agencyId,
      year: 2022,
      kind: 'overdue',
      stage: 'overdue',
      to: [`${agencyId}@example.cn`],
      deadline: '2023-01-31',
      asOf: '2023-02-01',
      sentAt: '2023-02-01T00:00:05.000Z',
      status: 'sent',
    });
    const api = fakeApi((url) =>
      url.searchParams.get('cursor') === null
        ? { year: 2022, notices: [notice('a-1')], cursor: 'next' }
        : { year: 2022, notices: [notice('b-2')] },
    );
    const run = await runCli(['notices', 'list', '--year', '2022', '--json'], { env, fetch: api.fetch });
    expect(run.code).toBe(0);
    expect(api.seen.map((s) => s.url)).toEqual([
      '/v1/admin/notices?limit=100&year=2022',
      '/v1/admin/notices?limit=100&year=2022&cursor=next',
    ]);
    expect((JSON.parse(run.stdout) as { agencyId: string }[]).map((n) => n.agencyId)).toEqual(['a-1', 'b-2']);
  });

  it('prints a table with the recipient, time and status of each notice', async () => {
    const api = fakeApi(() => ({
      year: 2022,
      notices: [
        {
          agencyId: 'a-1',
          year: 2022,
          kind: 'escalated',
          stage: 'escalated',
          to: [],
          sentAt: null,
          status: 'noRecipient',
        },
      ],
    }));
    const run = await runCli(['notices', 'list'], { env, fetch: api.fetch });
    expect(run.stdout).toMatch(/a-1\s+2022\s+escalated\s+escalated\s+—\s+—\s+noRecipient/);
  });
});
