/**
 * A cold start pays for every zod schema its modules build at import, each of its checks too: at a few hundred
 * they cost a lean function a third of a hello-world's init. So schemas are declared inside `z.lazy` (see
 * `shared/zod.ts`), and each function, bundled as its construct bundles it, is imported in a fresh process
 * that counts the schemas and checks zod constructs before the first event. A lazy wrapper costs one
 * construction and builds nothing until it parses; everything else counts against a small ceiling.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { type Bundle, bundleFunctions, bundleSource, DOCUMENT_READERS } from '../../bench/lambda-bundles.ts';

const run = promisify(execFile);

/** Schemas and checks a lean function may build at import besides its lazy wrappers (a `z.custom` or two). */
const EAGER_CEILING = 4;
/** Everything zod constructs at import, the lazy wrappers included (a few hundred before they were lazy). */
const TOTAL_CEILING = 64;

/**
 * Zod hands every instance it constructs, schema or check, to the global config's post-processor once it is
 * built; zod keeps a config object it finds on `globalThis`, so one set before the import sees them all.
 */
const COUNT_AT_IMPORT = `
const counts = { eager: 0, lazy: 0 };
globalThis.__zod_globalConfig = {
  postProcessor(instance) { counts[instance._zod.def.type === 'lazy' ? 'lazy' : 'eager'] += 1; },
};
const { pathToFileURL } = await import('node:url');
await import(pathToFileURL(process.argv[1]).href);
process.stdout.write(JSON.stringify(counts));
`;

interface Counts {
  readonly eager: number;
  readonly lazy: number;
}

async function countAtImport(file: string): Promise<Counts> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', COUNT_AT_IMPORT, file], {
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1' },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Counts;
}

const lean = Object.keys(app.functions).filter((name) => !DOCUMENT_READERS.has(name));
let dir: string;
let bundles: Map<string, Bundle>;
let control: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-schemas-'));
  bundles = await bundleFunctions(dir, lean);
  control = await bundleSource(
    dir,
    'control',
    "import * as z from '#shared/zod.ts';\n" +
      'export const eager = z.object({ id: z.string() });\n' +
      'export const lazy = z.lazy(() => z.object({ id: z.string().check(z.minLength(1)) }));\n',
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('zod schemas built when a lean function is imported', () => {
  it('counts the object and string a bundle builds at import, and its lazy that builds nothing', async () => {
    expect(await countAtImport(control)).toEqual({ eager: 2, lazy: 1 });
  });

  it.each(lean)('%s builds its schemas at first use, not at import', async (name) => {
    const file = bundles.get(name)?.file;
    if (file === undefined) throw new Error(`${name} was not bundled`);
    const { eager, lazy } = await countAtImport(file);
    expect(eager, `${name}: ${eager} schemas and checks built at import`).toBeLessThanOrEqual(EAGER_CEILING);
    expect(eager + lazy, `${name}: ${eager + lazy} constructions at import`).toBeLessThanOrEqual(TOTAL_CEILING);
  });
});
