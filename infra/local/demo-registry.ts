/**
 * A registry to play with: the agencies in `examples/agencies.json`, registered through the admin
 * API with the local admin token, and one agency token each. Tokens are kept under the home
 * (`admin-token`, `demo-tokens.json`) and re-issued only when the stored one no longer works, so a
 * restart prints the same tokens and a wiped database gets fresh ones.
 */
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { AgencySchema } from '#shared/registry/agency.ts';
import { OfficeSchema } from '#shared/registry/office.ts';
import { parseReviewConfig } from '#shared/review/review-config.ts';
import { writeFileAtomic } from './atomic-file.ts';

export interface DemoAccess {
  readonly adminToken: string;
  /** Agency id → bearer token. */
  readonly demoTokens: Readonly<Record<string, string>>;
  /** Agency id → registered name, for showing the tokens. */
  readonly demoAgencies: Readonly<Record<string, string>>;
  /** Agency or office id → its first registered contact address, to sign in with at /file/. */
  readonly demoContacts: Readonly<Record<string, string>>;
}

export interface DemoRegistryOptions {
  readonly url: string;
  readonly home: string;
  readonly root: string;
  /** Creates an admin token without the API (the first admin token cannot come through it). */
  readonly issueAdminToken: () => Promise<string>;
  readonly log?: (line: string) => void;
  /** Import the historical sample PDFs too (a few seconds of parsing; `npm start` does, test systems do not). */
  readonly importSamples?: boolean;
}

export const DEMO_AGENCIES_FILE = 'examples/agencies.json';
export const DEMO_OFFICES_FILE = 'examples/offices.json';
export const DEMO_IMPORTS_FILE = 'examples/imports.json';
/** The demo's review setting (`GONGKAI_REVIEW`): 曲江区's departments wait for its office before publication. */
export const DEMO_REVIEW_FILE = 'examples/review.json';

/** The demo review setting as the variable's value, checked as the functions will read it. */
export async function readDemoReview(root: string): Promise<string> {
  const raw = await readFile(join(root, DEMO_REVIEW_FILE), 'utf8');
  parseReviewConfig(raw);
  return JSON.stringify(JSON.parse(raw));
}

const DemoImportSchema = z.object({ agencyId: z.string(), file: z.string(), publishedOn: z.iso.date() });
export const ADMIN_TOKEN_FILE = 'admin-token';
export const DEMO_TOKENS_FILE = 'demo-tokens.json';

const IssuedTokenSchema = z.object({ token: z.string().min(1) });
const StoredTokensSchema = z.record(z.string(), z.string());

export async function seedDemoRegistry(options: DemoRegistryOptions): Promise<DemoAccess> {
  const adminToken = await ensureAdminToken(options);
  const agencies = z
    .array(AgencySchema)
    .parse(JSON.parse(await readFile(join(options.root, DEMO_AGENCIES_FILE), 'utf8')));
  const offices = z
    .array(OfficeSchema)
    .parse(JSON.parse(await readFile(join(options.root, DEMO_OFFICES_FILE), 'utf8')));
  for (const agency of agencies) await register(options.url, adminToken, '/v1/admin/agencies', agency);
  for (const office of offices) await register(options.url, adminToken, '/v1/admin/offices', office);
  const stored = await readStoredTokens(options.home);
  const demoTokens: Record<string, string> = {};
  for (const agency of agencies) {
    const kept = stored[agency.id];
    demoTokens[agency.id] =
      kept && (await worksFor(options.url, kept, `/v1/agencies/${agency.id}/reports`))
        ? kept
        : await issueToken(options.url, adminToken, `/v1/admin/agencies/${agency.id}/tokens`);
  }
  // Office tokens sit beside the agencies' (the ids never collide: an office id names the office).
  for (const office of offices) {
    const kept = stored[office.id];
    demoTokens[office.id] =
      kept && (await worksFor(options.url, kept, '/v1/office/agencies?limit=1'))
        ? kept
        : await issueToken(options.url, adminToken, `/v1/admin/offices/${office.id}/tokens`);
  }
  await writeSecret(join(options.home, DEMO_TOKENS_FILE), `${JSON.stringify(demoTokens, null, 2)}\n`);
  if (options.importSamples) await importHistoricalSamples(options, adminToken);
  await buildPublicSite(options.url, adminToken, options.log ?? (() => {}));
  const names = [...agencies, ...offices].map((a) => [a.id, a.name] as const);
  const contacts = [...agencies, ...offices].flatMap((a) => (a.contactEmails[0] ? [[a.id, a.contactEmails[0]]] : []));
  return {
    adminToken,
    demoTokens,
    demoAgencies: Object.fromEntries(names),
    demoContacts: Object.fromEntries(contacts),
  };
}

async function ensureAdminToken(options: DemoRegistryOptions): Promise<string> {
  const file = join(options.home, ADMIN_TOKEN_FILE);
  const kept = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (kept && (await worksFor(options.url, kept, '/v1/admin/agencies?limit=1'))) return kept;
  const token = await options.issueAdminToken();
  await writeSecret(file, `${token}\n`);
  return token;
}

async function register(url: string, adminToken: string, path: string, entry: { id: string }): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(entry),
  });
  // 409: registered by an earlier start, kept as the user may have edited it since.
  if (response.status !== 201 && response.status !== 409) {
    throw new Error(`registering ${entry.id} answered ${response.status}: ${await response.text()}`);
  }
}

async function issueToken(url: string, adminToken: string, path: string): Promise<string> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` } });
  if (response.status !== 201) {
    throw new Error(`issuing a token at ${path} answered ${response.status}: ${await response.text()}`);
  }
  return IssuedTokenSchema.parse(await response.json()).token;
}

/**
 * The sample PDFs are reports published before the system knew them: imported as they are, with the day each
 * was published (the PDFs print none; the day is the file's creation date), so the archive shows them on time
 * instead of years late. Importing the same file again answers with the first receipt.
 */
async function importHistoricalSamples(options: DemoRegistryOptions, adminToken: string): Promise<void> {
  const imports = z
    .array(DemoImportSchema)
    .parse(JSON.parse(await readFile(join(options.root, DEMO_IMPORTS_FILE), 'utf8')));
  for (const sample of imports) {
    const query = new URLSearchParams({ agencyId: sample.agencyId, publishedOn: sample.publishedOn });
    const response = await fetch(`${options.url}/v1/admin/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/pdf' },
      body: await readFile(join(options.root, sample.file)),
    });
    // 409: the agency-year already has a version (filed by hand since), kept as it is.
    if (response.status !== 201 && response.status !== 200 && response.status !== 409) {
      throw new Error(`importing ${sample.file} answered ${response.status}: ${await response.text()}`);
    }
    await response.body?.cancel();
  }
}

/**
 * A newcomer's first look is the archive's home page, and the upload page borrows its stylesheet: build the
 * site once the registry exists, through the same admin route ops use. Repeating it writes the same files.
 * The site is derived data: the rebuild replaces whatever a crash left of it, and when it cannot finish the
 * system still starts (the API and the stored filings do not depend on it) and says so.
 */
async function buildPublicSite(url: string, adminToken: string, log: (line: string) => void): Promise<void> {
  const response = await fetch(`${url}/v1/admin/site/rebuild`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
  });
  // 202: the rebuild runs as a job on the task queues; the banner need not wait for it.
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  log(`the public site could not be rebuilt (${response.status}): ${(await response.text()).slice(0, 500)}`);
  log('the API is up; rebuild the site later with `npx gongkai site rebuild`');
}

async function worksFor(url: string, token: string, path: string): Promise<boolean> {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.ok;
}

async function readStoredTokens(home: string): Promise<Record<string, string>> {
  try {
    return StoredTokensSchema.parse(JSON.parse(await readFile(join(home, DEMO_TOKENS_FILE), 'utf8')));
  } catch {
    return {};
  }
}

/** Tokens are credentials: readable by the owner only; replaced whole, so a crash never leaves half a token. */
async function writeSecret(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text, { mode: 0o600 });
  await chmod(file, 0o600);
}
