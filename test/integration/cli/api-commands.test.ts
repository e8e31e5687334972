/**
 * The API commands against the whole system on this machine (`startLocal` in a temporary home on a
 * random port): the CLI finds the endpoint and the admin token as a user's shell would, through
 * GONGKAI_ENDPOINT and $GONGKAI_HOME/admin-token.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocal } from '#infra/local/runner.ts';
import { type CliRun, runCli } from '../../unit/cli/captured-io.ts';

const SEED = resolve(import.meta.dirname, '../../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt');
const UNION = '韶关市曲江区总工会';

let home: string;
let local: LocalSystem;
let seedText: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-cli-api-'));
  local = await startLocal({ home, port: 0, quiet: true, runSchedules: false, queueDelayMs: 100 });
  seedText = await readFile(SEED, 'utf8');
});
afterAll(async () => {
  await local?.stop();
  await rm(home, { recursive: true, force: true });
});

function gongkai(argv: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(argv, { env: { GONGKAI_ENDPOINT: local.url, GONGKAI_HOME: home, ...env }, cwd: home, fetch });
}

async function fileWith(name: string, content: string): Promise<string> {
  const path = join(home, name);
  await writeFile(path, content);
  return path;
}

function expectOneErrorLine(run: CliRun, text: string): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^gongkai: [^\n]+\n$/);
  expect(run.stderr).toContain(text);
}

describe('gongkai agencies', () => {
  it('adds an agency and lists it', async () => {
    const add = await gongkai([
      'agencies',
      'add',
      '--id',
      'cli-union',
      '--name',
      UNION,
      '--kind',
      'other',
      '--region',
      '韶关市曲江区',
      '--email',
      'a@qj.example.org',
      '--email',
      'b@qj.example.org',
      '--deadline',
      '02-15',
    ]);
    expect(add.stdout).toContain('已登记 registered: cli-union  韶关市曲江区总工会');
    expect(add.code).toBe(0);
    const list = await gongkai(['agencies', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/cli-union\s+韶关市曲江区总工会\s+other\s+广东省韶关市曲江区\s+\S*\s*02-15/);
    const json = await gongkai(['agencies', 'list', '--json']);
    expect(JSON.parse(json.stdout)).toContainEqual(
      expect.objectContaining({ id: 'cli-union', contactEmails: ['a@qj.example.org', 'b@qj.example.org'] }),
    );
  });

  it('refuses a taken id and an invalid entry with one line each', async () => {
    const args = ['--name', '某局', '--kind', 'department', '--region', '440205'];
    expectOneErrorLine(await gongkai(['agencies', 'add', '--id', 'cli-union', ...args]), 'AGENCY_EXISTS');
    expectOneErrorLine(
      await gongkai(['agencies', 'add', '--id', 'cli-dept', ...args, '--email', 'not-an-email']),
      'INVALID_REQUEST',
    );
  });

  it('imports nothing from a CSV with a bad line, and reports every bad line by number', async () => {
    const csv = await fileWith(
      'agencies.csv',
      '\uFEFFid,name,kind,region,supervisorId,contactEmails,deadlineOverride\r\n' +
        'cli-maba,马坝镇人民政府,township,曲江区马坝镇,cli-union,mb@qj.example.org;zf@qj.example.org,\r\n' +
        'cli-bad,某局,ministry,韶关市曲江区,,,\r\n' +
        'cli-mars,某局,department,火星市,,,\r\n' +
        'cli-union,韶关市曲江区总工会,other,韶关市曲江区,,,\r\n',
    );
    const run = await gongkai(['agencies', 'import', csv]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/第 3 行 line 3 {2}失败 failed {2}cli-bad {2}kind:/);
    expect(run.stdout).toMatch(/第 4 行 line 4 {2}失败 failed {2}cli-mars {2}region: 区划“火星市”/);
    expect(run.stdout).toMatch(/第 5 行 line 5 {2}失败 failed {2}cli-union {2}id: 已登记/);
    expect(run.stdout).toContain('nothing registered');
    expect((await gongkai(['agencies', 'list'])).stdout).not.toContain('cli-maba');

    const skipping = await gongkai(['agencies', 'import', csv, '--skip-bad']);
    expect(skipping.code).toBe(1);
    expect(skipping.stdout).toMatch(/第 2 行 line 2 {2}已登记 ok {2}cli-maba {2}440205100 广东省韶关市曲江区马坝镇/);
    expect(skipping.stdout).toContain('4 lines, 1 registered, 3 failed');
  });

  it('resolves every region written in the short forms people use, and defaults supervisors', async () => {
    const csv = await fileWith(
      'regions.csv',
      'id,name,kind,region,aliases\n' +
        'cli-hongze-edu,淮安市洪泽区教育局,department,洪泽区,洪泽区教育局\n' +
        'cli-hongze,淮安市洪泽区人民政府,government,淮安市洪泽区,\n' +
        'cli-hongze-audit,淮安市洪泽区审计局,department,江苏省淮安市洪泽区,\n' +
        'cli-huaian-audit,淮安市审计局,department,320800,\n',
    );
    const run = await gongkai(['agencies', 'import', csv]);
    expect(run.stdout).toContain('4 lines, 4 registered, 0 failed');
    expect(run.code).toBe(0);
    const listed = JSON.parse((await gongkai(['agencies', 'list', '--json'])).stdout) as Record<string, unknown>[];
    const byId = new Map(listed.map((a) => [a.id, a]));
    expect(byId.get('cli-hongze-edu')).toMatchObject({
      regionCode: '320813',
      region: '江苏省淮安市洪泽区',
      aliases: ['洪泽区教育局'],
      supervisorId: 'cli-hongze',
    });
    expect(byId.get('cli-hongze-audit')).toMatchObject({ regionCode: '320813', supervisorId: 'cli-hongze' });
    expect(byId.get('cli-huaian-audit')).toMatchObject({
      regionCode: '320800',
      supervisorId: 'huaian-city-government',
    });
  });

  it.each([
    ['2023-huaian-hongze-district-government.pdf', 'hongze-district-government', 2023],
    ['2024-huaian-hongze-district-government.pdf', 'hongze-district-government', 2024],
    ['2024-huaian-city-government.pdf', 'huaian-city-government', 2024],
  ])('checks the sample %s under its registered agency %s', async (file, agencyId, year) => {
    const pdf = resolve(import.meta.dirname, '../../fixtures/samples', file);
    const run = await gongkai(['submit', pdf, '--agency', agencyId, '--dry-run', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, report: { year, agency: { id: agencyId } } });
  });

  it('exits 2 with one line when the token is wrong or the endpoint is down', async () => {
    expectOneErrorLine(await gongkai(['agencies', 'list', '--token', 'gk.nope.nope']), 'HTTP 40');
    expectOneErrorLine(await gongkai(['agencies', 'list', '--endpoint', 'http://127.0.0.1:9']), 'cannot reach');
  });
});

describe('gongkai tokens issue and submit', () => {
  let token: string;

  beforeAll(async () => {
    const issued = await gongkai(['tokens', 'issue', 'cli-union']);
    expect(issued.code).toBe(0);
    token = issued.stdout.trim();
    expect(token).not.toContain('\n');
    expect(issued.stderr).toContain('只显示这一次');
  });

  it('does not issue a token for an unknown agency', async () => {
    expectOneErrorLine(await gongkai(['tokens', 'issue', 'cli-nobody']), 'AGENCY_NOT_FOUND');
  });

  it('accepts the seed as version 1, then answers the same file with the first receipt', async () => {
    const first = await gongkai(['submit', SEED, '--token', token]);
    expect(first.stdout).toContain('已受理 accepted：cli-union 2022年度 第 1 版');
    expect(first.code).toBe(0);
    const receipts = await gongkai(['submit', SEED, '--json', '--token', token]);
    expect(JSON.parse(receipts.stdout).original).toMatchObject({ fileName: '2022-shaoguan-qujiang-trade-union.txt' });
    const again = await gongkai(['submit', SEED, '--json'], { GONGKAI_TOKEN: token });
    expect(again.code).toBe(0);
    const receipt = JSON.parse(again.stdout);
    expect(receipt).toMatchObject({ status: 'accepted', version: 1, agencyId: 'cli-union' });
    const replay = await gongkai(['submit', SEED, '--token', token]);
    expect(replay.stdout).toContain('replay');
  });

  it('rejects a report with an arithmetic error: exit 1 and the finding with its label trail', async () => {
    const planted = seedText.replace(/(一、本年新收政府信息公开申请数量\n\t)\u00a00\n/, '$15\n');
    const run = await gongkai(['submit', await fileWith('planted.txt', planted), '--token', token]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('已退回 rejected');
    expect(run.stdout).toMatch(/✗ H1/);
    expect(run.stdout).toContain('表三 › 一、本年新收政府信息公开申请数量 › 自然人');
  });

  it('sends a GBK text file as bytes, so the API reads the same report', async () => {
    const gbk = iconv.encode(seedText.replaceAll('\u00a0', ' '), 'gbk');
    const path = join(home, 'seed-gbk.txt');
    await writeFile(path, gbk);
    const run = await gongkai(['submit', path, '--dry-run', '--json', '--token', token]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ hasErrors: false, report: { agency: { name: UNION } } });
  });

  it('dry-runs without storing, and amends only with a reason', async () => {
    const amended = await fileWith('amended.txt', seedText.replace('其他需报告事项无。', '其他需报告事项无。已更正。'));
    const dry = await gongkai(['submit', amended, '--dry-run', '--token', token]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('currently version 1');
    expectOneErrorLine(await gongkai(['submit', amended, '--token', token]), 'AMENDMENT_REASON_REQUIRED');
    const run = await gongkai(['submit', amended, '--token', token, '--amendment-reason', '更正文字']);
    expect(run.stdout).toContain('第 2 版');
    expect(run.code).toBe(0);
  });

  it("files with a demo agency's local token, read from standard input", async () => {
    const run = await runCli(['submit', '-', '--agency', 'qujiang-trade-union', '--idempotency-key', 'cli-k1'], {
      env: { GONGKAI_ENDPOINT: local.url, GONGKAI_HOME: home },
      stdin: seedText,
      fetch,
    });
    expect(run.stdout).toContain('已受理 accepted：qujiang-trade-union');
    expect(run.code).toBe(0);
    expectOneErrorLine(
      await gongkai(['submit', SEED, '--agency', 'cli-nobody']),
      'no local token for agency cli-nobody',
    );
  });

  it('sends a file over the request-body limit through a presigned upload and waits for the decision', async () => {
    // A long part 六 (one paragraph repeated) takes the seed past the 6 MB body limit of the API.
    const padding = '\n本年度未发生其他需要报告的事项，特此说明。'.repeat(120_000);
    const large = await fileWith('large.txt', seedText.replace('其他需报告事项无。', `其他需报告事项无。${padding}`));
    const run = await gongkai(['submit', large, '--token', token, '--amendment-reason', '改用大文件上传']);
    expect(run.stdout).toContain('已受理 accepted：cli-union 2022年度 第 3 版');
    expect(run.stdout).not.toContain('replay');
    expect(run.code).toBe(0);
  });

  it('refuses a text file over its upload cap before sending it, with exit 2', async () => {
    const huge = await fileWith('huge.txt', `${seedText}${' '.repeat(11 * 1024 * 1024)}`);
    const run = await gongkai(['submit', huge, '--token', token, '--amendment-reason', '过大的文件']);
    expectOneErrorLine(run, 'over the 10 MiB an upload of its type may have');
    expect(run.code).toBe(2);
  });

  it('refuses the admin token for filing', async () => {
    expectOneErrorLine(await gongkai(['submit', SEED]), 'HTTP 403');
  });
});
