/**
 * The document reader re-enters the module that starts it; in Lambda that module is one bundled
 * file. This bundles a function that reads reports the way its construct does (`bundleFunctions` of the
 * bench, with the settings of `infra/lambda-bundling.ts`) and checks that the bundle, started as the reader,
 * reads a PDF and refuses a flate bomb.
 */

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER_ENV, type ReadRequest } from '#shared/parse/isolated-reader.ts';
import { bundleFunctions } from '../../bench/lambda-bundles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let bundle: URL;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-bundle-'));
  const file = (await bundleFunctions(dir, ['submitReport'])).get('submitReport')?.file;
  if (file === undefined) throw new Error('submitReport was not bundled');
  bundle = pathToFileURL(file);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts the bundle as the reader would be started, and collects its first two messages. */
function askReader(request: ReadRequest): Promise<unknown[]> {
  const child = spawn(process.execPath, [fileURLToPath(bundle)], {
    env: { ...process.env, [READER_ENV]: '1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const messages: unknown[] = [];
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('message', (message: unknown) => {
      messages.push(message);
      if (messages.length === 1) child.send(request);
      else {
        child.kill();
        done(messages);
      }
    });
  });
}

describe('the document reader inside a Lambda bundle', () => {
  it('starts from the bundled file and reads a PDF report', async () => {
    const pdf = readFileSync(join(ROOT, 'test/fixtures/samples/2024-huaian-city-government.pdf'));
    const [ready, reply] = await askReader({ kind: 'pdf', bytes: new Uint8Array(pdf) });
    expect(ready).toEqual({ ready: true });
    expect(reply).toMatchObject({ read: { layout: 'pdf/text-positions' } });
  });

  it('refuses a flate bomb there too', async () => {
    const bomb = readFileSync(join(ROOT, 'test/fixtures/hostile/pdf-flate-bomb.pdf'));
    const [, reply] = await askReader({ kind: 'pdf', bytes: new Uint8Array(bomb) });
    expect(reply).toMatchObject({ refused: { code: 'INPUT_TOO_LARGE' } });
  });
});
