/**
 * The acceptance path through the local runner: three registered departments, one of which filed, a run
 * for 2023-02-01 from the CLI mails exactly the two overdue notices (read back from the SES stand-in's
 * inbox), a second run mails nothing, and the status route shows on time / missing.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdminToken } from '#infra/local/admin-bootstrap.ts';
import type { LocalSystem } from '#infra/local/runner.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { startTemporaryLocal } from '../../helpers/temporary-local.ts';
import { runCli } from '../../unit/cli/captured-io.ts';

let local: LocalSystem;
let adminToken: string;
let dynamo: DynamoDBDocumentClient;

const AGENCIES = [
  { id: 'filed-bureau', name: '曲江区财政局', contactEmails: ['cz@qujiang.example.cn'] },
  { id: 'silent-bureau', name: '曲江区教育局', contactEmails: ['jy@qujiang.example.cn'] },
  { id: 'quiet-bureau', name: '曲江区<统计>局', contactEmails: ['tj@qujiang.example.cn', 'tj2@qujiang.example.cn'] },
];

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${local.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

const cli = (...argv: string[]) =>
  runCli(argv, { env: { GONGKAI_ENDPOINT: local.url, GONGKAI_TOKEN: adminToken }, fetch: globalThis.fetch });

/** Recipients of every captured mail, one entry per message. */
async function inbox(): Promise<{ to: string; subject: string; text: string; html: string }[]> {
  const mails = (await local.mail()) as {
    destination?: { to?: string[] };
    subject?: string;
    body?: { text?: string; html?: string };
  }[];
  return mails.map((m) => ({
    to: (m.destination?.to ?? []).join(','),
    subject: m.subject ?? '',
    text: m.body?.text ?? '',
    html: m.body?.html ?? '',
  }));
}

beforeAll(async () => {
  local = await startTemporaryLocal('deadlines-local', { seed: false });
  adminToken = await bootstrapAdminToken(local.env);
  for (const agency of AGENCIES) {
    const created = await api('POST', '/v1/admin/agencies', { ...agency, kind: 'department', region: '韶关市曲江区' });
    expect(created.status).toBe(201);
  }
  dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  // Filing goes through its own routes and tests; here only the accepted version matters.
  await new DynamoVersionStore(dynamo, local.env.FILINGS_TABLE_NAME ?? '').putIfAbsent({
    agencyId: 'filed-bureau',
    year: 2022,
    version: 1,
    submissionId: 'filed-bureau-2022',
    sha256: 'c'.repeat(64),
    original: { key: `originals/${'c'.repeat(64)}`, contentType: 'text/plain', fileName: null, sizeBytes: 1 },
    canonicalKey: 'reports/filed-bureau/2022/v1.json',
    acceptedAt: '2023-01-20T02:00:00.000Z',
    publishedOn: '2023-01-20',
    amendmentReason: null,
    imported: false,
    hasErrors: false,
    warningCount: 0,
  });
});
afterAll(async () => {
  dynamo?.destroy();
  await local?.stop();
});

describe('deadlines through the local runner', () => {
  it('mails exactly the overdue notices due on 2023-02-01, once', async () => {
    const dry = await cli('deadlines', 'run', '--as-of', '2023-02-01', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, notices: [{}, {}] });
    expect(await inbox()).toEqual([]);

    const first = await cli('deadlines', 'run', '--as-of', '2023-02-01');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('已发出 emitted 2 条通知');
    await local.waitForIdle();
    const mails = await inbox();
    expect(mails.map((m) => m.to).sort()).toEqual([
      'jy@qujiang.example.cn',
      'tj@qujiang.example.cn,tj2@qujiang.example.cn',
    ]);
    const quiet = mails.find((m) => m.to.startsWith('tj@'));
    expect(quiet?.subject).toBe('【逾期通知】曲江区<统计>局2022年政府信息公开工作年度报告已逾期');
    expect(quiet?.text).toContain('2023年1月31日');
    expect(quiet?.html).toContain('曲江区&lt;统计&gt;局');
    expect(quiet?.html).toContain(`/file/`);
    expect(local.deadLetters()).toEqual([]);

    const second = await cli('deadlines', 'run', '--as-of', '2023-02-01', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ notices: [] });
    await local.waitForIdle();
    expect(await inbox()).toHaveLength(2);
  });

  it('lists the notices sent, from the API and the CLI', async () => {
    const listed = await api('GET', '/v1/admin/notices?year=2022');
    expect(listed.status).toBe(200);
    const notices = (listed.body as { notices: { agencyId: string; kind: string; status: string }[] }).notices;
    expect(notices.map((n) => [n.agencyId, n.kind, n.status])).toEqual([
      ['quiet-bureau', 'overdue', 'sent'],
      ['silent-bureau', 'overdue', 'sent'],
    ]);
    const cliList = await cli('notices', 'list', '--year', '2022', '--json');
    expect(cliList.code).toBe(0);
    expect(JSON.parse(cliList.stdout)).toEqual([
      expect.objectContaining({ agencyId: 'quiet-bureau', year: 2022, kind: 'overdue', status: 'sent' }),
      expect.objectContaining({ agencyId: 'silent-bureau', year: 2022, kind: 'overdue', status: 'sent' }),
    ]);
  });

  it('shows the filed agency on time and the others missing', async () => {
    const status = await api('GET', '/v1/admin/status?year=2022');
    expect(status.status).toBe(200);
    const agencies = (status.body as { agencies: { agencyId: string; status: string; filedOn: string | null }[] })
      .agencies;
    expect(agencies.map((a) => [a.agencyId, a.status, a.filedOn])).toEqual([
      ['filed-bureau', 'onTime', '2023-01-20'],
      ['quiet-bureau', 'missing', null],
      ['silent-bureau', 'missing', null],
    ]);
  });

  it('runs the same use case from the daily schedule, for today', async () => {
    const planned = (await api('POST', '/v1/admin/deadlines/run', { dryRun: true })).body as {
      year: number;
      notices: { agencyId: string; stage: string }[];
    };
    const run = await local.triggerSchedule('deadlines-daily');
    expect(run).toMatchObject({ schedule: 'deadlines-daily', fn: 'deadlinesDaily', ok: true });
    await local.waitForIdle();
    const listed = await api('GET', `/v1/admin/notices?year=${planned.year}`);
    const notices = (listed.body as { notices: { agencyId: string; stage: string }[] }).notices;
    const keys = (list: { agencyId: string; stage: string }[]) => list.map((n) => `${n.agencyId} ${n.stage}`).sort();
    // Which stage today reaches depends on the real date; the schedule must send exactly what the route plans.
    expect(keys(notices)).toEqual(keys(planned.notices));
    expect(planned.notices.length).toBeLessThanOrEqual(3);
  });

  it('refuses a run without an admin token', async () => {
    const response = await fetch(`${local.url}/v1/admin/deadlines/run`, { method: 'POST' });
    expect(response.status).toBe(401);
  });
});
