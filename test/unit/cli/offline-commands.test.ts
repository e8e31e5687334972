/**
 * The offline commands as a user runs them: `node bin/gongkai.js …` in a child process, on the seed
 * report and on inputs that are not reports at all.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/gongkai.js');
const SEED = resolve(ROOT, 'test/fixtures/samples/2022-shaoguan-qujiang-trade-union.txt');
const TEMPLATE_DOCX = resolve(ROOT, 'test/fixtures/samples/official-template-2021.docx');
const HTML_FIXTURE = join(ROOT, 'test/fixtures/html/word-2021.html');

interface ProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function gongkai(args: readonly string[], stdin?: Uint8Array): Promise<ProcessRun> {
  return new Promise((done) => {
    const env = { ...process.env, NO_COLOR: '1' };
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        done({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? new Uint8Array());
  });
}

let dir: string;
let seedText: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-offline-'));
  seedText = await readFile(SEED, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The seed with 5 new applications from natural persons that appear in no other cell. */
function seedWithPlantedError(): string {
  // The first cell after the row label is 自然人; the portal padded it with a no-break space.
  const firstCell = /(一、本年新收政府信息公开申请数量\n\t)\u00a00\n/;
  expect(seedText).toMatch(firstCell);
  return seedText.replace(firstCell, '$15\n');
}

// Each case starts Node and compiles through tsx; a loaded machine needs more than the default 5 s.
const SPAWNING = { timeout: 60_000 };

describe('gongkai normalize', SPAWNING, () => {
  it("prints the seed's canonical model", async () => {
    const run = await gongkai(['normalize', SEED]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.agency).toEqual({ name: '韶关市曲江区总工会' });
    expect(report.year).toBe(2022);
    expect(report.publishedOn).toBe('2023-01-06');
    expect(report.applications.newReceived.total).toBe(0);
  });

  it('prints the same bytes for the seed re-encoded as GBK or GB18030 and for the seed on standard input', async () => {
    const utf8 = await gongkai(['normalize', SEED]);
    // GBK has no no-break space, so a GBK page carries the portal's padding as a plain space.
    const gbkBytes = iconv.encode(seedText.replaceAll('\u00a0', ' '), 'gbk');
    const runs = [
      await gongkai(['normalize', await fileWith('seed-gbk.txt', gbkBytes)]),
      await gongkai(['normalize', await fileWith('seed-gb18030.txt', iconv.encode(seedText, 'gb18030'))]),
      await gongkai(['normalize', '-'], new TextEncoder().encode(seedText)),
    ];
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(utf8.stdout);
    }
  });

  it('exits 0 for a report that parses but breaks rules', async () => {
    const run = await gongkai(['normalize', await fileWith('planted.txt', seedWithPlantedError())]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).applications.newReceived.naturalPerson).toBe(5);
  });

  it('stops quietly when the reader closes the pipe early (as `| head` does)', async () => {
    const padding = '\n本年度未发生其他需要报告的事项，特此说明。'.repeat(20_000);
    const long = await fileWith('long.txt', seedText.replace('其他需报告事项无。', `其他需报告事项无。${padding}`));
    const child = spawn(process.execPath, [BIN, 'normalize', long], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('gongkai check', SPAWNING, () => {
  it('passes the seed with exit 0 and a summary line', async () => {
    const run = await gongkai(['check', SEED]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('韶关市曲江区总工会');
    expect(run.stdout).toMatch(/通过：0 个错误/);
  });

  it('exits 1 and names the rule and the printed label trail of a planted arithmetic error', async () => {
    const run = await gongkai(['check', await fileWith('planted.txt', seedWithPlantedError())]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ H1/);
    expect(run.stdout).toMatch(/✗ H3/);
    expect(run.stdout).toContain('表三 › 一、本年新收政府信息公开申请数量 › 自然人');
    expect(run.stdout).toMatch(/未通过：\d+ 个错误/);
  });

  it('prints {"report","findings"} with --json, reading standard input', async () => {
    const run = await gongkai(['check', '-', '--json'], new TextEncoder().encode(seedWithPlantedError()));
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout);
    expect(Object.keys(body)).toEqual(['report', 'findings']);
    expect(body.findings.map((f: { code: string }) => f.code)).toContain('H1');
  });
});

describe('inputs that are not reports', SPAWNING, () => {
  const cases: [string, () => Promise<string>][] = [
    ['an empty file', () => fileWith('empty.txt', '')],
    [
      'binary bytes',
      () =>
        fileWith(
          'noise.txt',
          Uint8Array.from({ length: 4096 }, (_, i) => (i * 131) % 256),
        ),
    ],
    ['a ZIP renamed .txt', async () => fileWith('template.txt', await readFile(TEMPLATE_DOCX))],
    ['truncated HTML', async () => fileWith('cut.html', (await readFile(HTML_FIXTURE)).subarray(0, 2000))],
    ['50 MB of text', () => fileWith('huge.txt', '政府信息公开工作年度报告 0 0 0\n'.repeat(1_300_000))],
    ['a missing file', async () => join(dir, 'no-such-report.txt')],
  ];

  it.each(cases)('exits 2 with exactly one stderr line for %s', async (_name, make) => {
    const run = await gongkai(['check', await make()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^gongkai: [^\n]+\n$/);
  });
});
