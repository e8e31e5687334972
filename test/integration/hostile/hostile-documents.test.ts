/**
 * Hostile documents through the two doors a filer has, the CLI and the API: each ends as its typed error
 * (exit 2 with one line on stderr; 413 or 422 in the documented shape) within seconds and a few hundred
 * MB, and the local system keeps serving. Bounds are generous for two loaded CI cores.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_DOCUMENTS,
  HOSTILE_OUTCOME,
  type HostileName,
  hostileBytes,
} from '../../fixtures/hostile/hostile-documents.ts';
import { type LocalApi, startLocalApi } from '../filing/local-api.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const NAMES = Object.keys(HOSTILE_DOCUMENTS) as HostileName[];
/** Measured at 2–7 s on two heavily shared cores, most of it starting Node and the reader process. */
const BOUND_MS = 20_000;
const BOUND_RSS_MB = 600;
const MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html',
};

interface CliOutcome {
  readonly exitCode: number | null;
  readonly stderr: string;
  readonly ms: number;
  readonly peakRssMb: number;
}

/**
 * Runs `gongkai check`, which reports its peak memory through descriptor 3. The reader process it starts
 * has its own heap cap (READER_HEAP_MB); measured apart, it peaks at 95–160 MB on these files.
 */
function gongkaiCheck(file: string): Promise<CliOutcome> {
  const child = spawn(
    process.execPath,
    ['--import', join(ROOT, 'test/helpers/write-peak-rss.mjs'), join(ROOT, 'bin/gongkai.js'), 'check', file],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const started = performance.now();
  let stderr = '';
  let rss = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdio[3]?.on('data', (chunk: Buffer) => {
    rss += chunk.toString('utf8');
  });
  return new Promise((done) => {
    child.on('close', (exitCode) =>
      done({ exitCode, stderr, ms: performance.now() - started, peakRssMb: Number(rss) / 1024 }),
    );
  });
}

let dir: string;
let api: LocalApi;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-hostile-'));
  for (const name of NAMES) await writeFile(join(dir, name), hostileBytes(name));
  api = await startLocalApi();
});
afterAll(async () => {
  await api?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('hostile documents through gongkai check', () => {
  for (const name of NAMES) {
    it(`ends ${name} as exit 2 and ${HOSTILE_OUTCOME[name]}, in bounded time and memory`, async () => {
      const outcome = await gongkaiCheck(join(dir, name));
      expect(outcome.exitCode).toBe(2);
      expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(outcome.stderr).toContain(`[${HOSTILE_OUTCOME[name]}]`);
      expect(outcome.ms).toBeLessThan(BOUND_MS);
      expect(outcome.peakRssMb).toBeGreaterThan(0);
      expect(outcome.peakRssMb).toBeLessThan(BOUND_RSS_MB);
    });
  }
});

describe('hostile documents through POST /v1/reports', () => {
  for (const name of NAMES) {
    it(`answers ${name} with ${HOSTILE_OUTCOME[name]} in the error shape, and keeps serving`, async () => {
      const token = api.system.demoTokens['qujiang-trade-union'];
      const extension = name.slice(name.lastIndexOf('.') + 1) as keyof typeof MEDIA_TYPES;
      const started = performance.now();
      const res = await api.request('POST', '/v1/reports?dryRun=true', {
        token,
        body: Buffer.from(hostileBytes(name)),
        contentType: MEDIA_TYPES[extension],
      });
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
      expect(res.status).toBe(HOSTILE_OUTCOME[name] === 'INPUT_TOO_LARGE' ? 413 : 422);
      expect(res.body.error).toMatchObject({
        code: HOSTILE_OUTCOME[name],
        message: { zh: expect.any(String), en: expect.any(String) },
      });
      expect((await api.request('GET', '/v1/me', { token })).status).toBe(200);
    });
  }
});
