/**
 * The local system survives a crash: `npm start` is killed with SIGKILL while 100 filings are in flight,
 * a derived index object is left torn as an in-place write would leave it, and `npm start` again comes
 * up and finishes the work on its own. Every filing answered 201 then has its version, its public page
 * and exactly one delivered event, counted in the event journal under the home.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../../infra/local/event-journal.ts';
import { EVENTS_DIR } from '../../../infra/local/platform.ts';
import { REPOSITORY_ROOT } from '../../../infra/local/runner.ts';
import { type StartedMain, startMain, stopMain } from './fixtures/main-process.ts';

const SAMPLE_AGENCY = '韶关市曲江区总工会';
const YEARS = [2021, 2022, 2023, 2024];
const AGENCIES = 25;
const CJK_DIGITS = '〇一二三四五六七八九';
/** Answers counted before the kill: the rest of the 100 are still in flight. */
const KILL_AFTER_ANSWERS = 15;
const SETTLE_MS = 50_000;

interface Agency {
  readonly id: string;
  readonly name: string;
  token: string;
}
interface Accepted {
  readonly agencyId: string;
  readonly year: number;
  readonly version: number;
}

let home: string;
let running: StartedMain | undefined;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'gongkai-kill-'));
});
afterAll(async () => {
  if (running) await stopMain(running, 'SIGKILL');
  await rm(home, { recursive: true, force: true });
});

function agencyAt(index: number): Agency {
  const digits = String(index).padStart(3, '0');
  return {
    id: `crash-${digits}`,
    name: `韶关市曲江区测试单位${[...digits].map((d) => CJK_DIGITS[Number(d)]).join('')}`,
    token: '',
  };
}

async function register(url: string, adminToken: string, agency: Agency): Promise<void> {
  const admin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/v1/admin/agencies`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ id: agency.id, name: agency.name, kind: 'other', region: '韶关市曲江区' }),
  });
  expect(created.status).toBe(201);
  const issued = await fetch(`${url}/v1/admin/agencies/${agency.id}/tokens`, { method: 'POST', headers: admin });
  agency.token = ((await issued.json()) as { token: string }).token;
}

/** The journal's records: how many times each event was accepted and each delivery completed. */
async function journalCounts(): Promise<{ accepted: Map<string, string[]>; delivered: Map<string, number> }> {
  const text = await readFile(join(home, EVENTS_DIR, JOURNAL_FILE), 'utf8');
  const accepted = new Map<string, string[]>();
  const delivered = new Map<string, number>();
  for (const line of text.split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as {
      accepted?: { id: string; detail: { eventId?: string } };
      delivered?: string;
      fn?: string;
    };
    const eventId = record.accepted?.detail.eventId;
    if (record.accepted && eventId) accepted.set(eventId, [...(accepted.get(eventId) ?? []), record.accepted.id]);
    if (record.delivered && record.fn === 'indexFiling') {
      delivered.set(record.delivered, (delivered.get(record.delivered) ?? 0) + 1);
    }
  }
  return { accepted, delivered };
}

/** What is still missing for one accepted filing, or nothing. */
async function missing(url: string, agency: Agency, filing: Accepted): Promise<string | undefined> {
  const listed = await fetch(`${url}/v1/agencies/${agency.id}/reports`, {
    headers: { authorization: `Bearer ${agency.token}` },
  });
  const { versions } = (await listed.json()) as { versions: { year: number; version: number }[] };
  if (!versions.some((v) => v.year === filing.year && v.version === filing.version)) return 'version';
  const page = await fetch(`${url}/reports/${agency.id}/${filing.year}/`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes(agency.name)) return 'public page';
  const { accepted, delivered } = await journalCounts();
  const envelopes = accepted.get(`ReportAccepted/${agency.id}/${filing.year}/v${filing.version}`) ?? [];
  if (envelopes.length !== 1) return `${envelopes.length} accepted events`;
  const deliveries = delivered.get(envelopes[0] ?? '') ?? 0;
  return deliveries === 1 ? undefined : `${deliveries} deliveries`;
}

describe('npm start after kill -9', () => {
  it('finishes every accepted filing of a burst cut short: version, public page, one delivered event', async () => {
    running = await startMain(home);
    const adminToken = (await readFile(join(home, 'admin-token'), 'utf8')).trim();
    const agencies = Array.from({ length: AGENCIES }, (_, i) => agencyAt(i));
    for (const agency of agencies) await register(running.url, adminToken, agency);
    const sample = await readFile(join(REPOSITORY_ROOT, 'examples/2022-shaoguan-qujiang-trade-union.txt'), 'utf8');

    const accepted: { agency: Agency; filing: Accepted }[] = [];
    let answers = 0;
    let killed: Promise<unknown> | undefined;
    const crashed = running;
    await Promise.all(
      YEARS.flatMap((year) =>
        agencies.map(async (agency) => {
          const report = sample.replaceAll(SAMPLE_AGENCY, agency.name).replaceAll('2022年', `${year}年`);
          const response = await fetch(`${crashed.url}/v1/reports`, {
            method: 'POST',
            headers: { authorization: `Bearer ${agency.token}`, 'content-type': 'text/plain; charset=utf-8' },
            body: report,
          }).catch(() => undefined);
          if (response?.status === 201) accepted.push({ agency, filing: (await response.json()) as Accepted });
          answers += 1;
          if (answers === KILL_AFTER_ANSWERS) killed = stopMain(crashed, 'SIGKILL');
        }),
      ),
    );
    await killed;
    running = undefined;
    expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS - 5);
    expect(accepted.length).toBeLessThan(YEARS.length * AGENCIES);

    // What s3rver's in-place writes left behind: a torn index object and torn metadata.
    const catalog = join(home, 's3', 'gongkai-data', 'site', 'catalog.json._S3rver_object');
    await mkdir(join(catalog, '..'), { recursive: true });
    await writeFile(catalog, '{"years":[2024,2023],"agencies":[{"id":"crash-0');
    await writeFile(catalog.replace('_object', '_metadata.json'), '{"content-type":"applica');

    running = await startMain(home);
    const restarted = running;
    const deadline = Date.now() + SETTLE_MS;
    let unfinished: string[] = [];
    do {
      await new Promise((done) => setTimeout(done, 500));
      const checks = await Promise.all(accepted.map(({ agency, filing }) => missing(restarted.url, agency, filing)));
      unfinished = checks.flatMap((gap, i) =>
        gap ? [`${accepted[i]?.agency.id}/${accepted[i]?.filing.year}: ${gap}`] : [],
      );
    } while (unfinished.length > 0 && Date.now() < deadline);
    expect(unfinished, restarted.stderr().slice(-2000)).toEqual([]);

    // The home page is an aggregate: the archive queue rebuilds it shortly after the start-up rebuild.
    let homePage = 0;
    while (homePage !== 200 && Date.now() < deadline + 30_000) {
      homePage = (await fetch(`${restarted.url}/`)).status;
      if (homePage !== 200) await new Promise((done) => setTimeout(done, 500));
    }
    expect(homePage).toBe(200);
    const dead = (await (await fetch(`${restarted.url}/_local/dead-letters`)).json()) as { deadLetters: unknown[] };
    expect(dead.deadLetters).toEqual([]);
    expect(await stopMain(restarted, 'SIGTERM')).toBe(0);
    running = undefined;
  }, 119_000);
});
