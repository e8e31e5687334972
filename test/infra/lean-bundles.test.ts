/**
 * A function that reads no document carries no reader: each is bundled as its construct bundles it and must
 * stay within 500 KB — the page writers too, though their DynamoDB, S3 and SQS clients alone bundle to 374 KB:
 * no function both renders report pages and sends to a queue. What a bundle reads beside itself at run time
 * (the division table, the site's assets, an unbundled package) must be declared, or the
 * deployed function would miss it. The HTTP kit runs on middy's core, whose web-streams import the bundles
 * replace, and no bundle carries a logging library.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import {
  type DataFile,
  DIVISION_TABLE_FILE,
  type FunctionDecl,
  REPORT_SCHEMA_FILE,
  SITE_ASSETS_FILE,
} from '#infra/declaration.ts';
import {
  type Bundle,
  bundleFunctions,
  bundleSource,
  DOCUMENT_READERS,
  LEAN_BUNDLE_MAX_BYTES,
} from '../../bench/lambda-bundles.ts';

const KB = 1024;
/** Each data file read at run time, by the module that reads it. */
const DATA_FILES: readonly (readonly [DataFile, string])[] = [
  [DIVISION_TABLE_FILE, 'shared/registry/divisions/load-divisions.ts'],
  [REPORT_SCHEMA_FILE, 'shared/site/datasets.ts'],
  [SITE_ASSETS_FILE, 'shared/site/site-assets.ts'],
];
const functions: Readonly<Record<string, FunctionDecl<string, string>>> = app.functions;

const lean = Object.keys(app.functions).filter((name) => !DOCUMENT_READERS.has(name));
let dir: string;
let bundles: Map<string, Bundle>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-lean-'));
  bundles = await bundleFunctions(dir, lean);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('bundles of the functions that read no document', () => {
  it.each(lean)('%s stays within 500 KB', (name) => {
    const bytes = bundles.get(name)?.bytes ?? Number.POSITIVE_INFINITY;
    expect(bytes, `${name}: ${Math.round(bytes / KB)} KB`).toBeLessThanOrEqual(LEAN_BUNDLE_MAX_BYTES);
  });

  it.each(lean)('%s ships each data file its bundle can read, and no other', (name) => {
    for (const [data, loader] of DATA_FILES) {
      const reads = bundles.get(name)?.modules.includes(loader) ?? false;
      const ships = (functions[name]?.files ?? []).some((file) => file.from === data.from);
      expect(ships, `${name}: ${data.from}`).toBe(reads);
    }
  });

  it.each(lean)("%s runs on middy's core without loading web streams or a logging library", async (name) => {
    const bundle = bundles.get(name);
    const modules = bundle?.modules ?? [];
    if (modules.includes('functions/_kit/http.ts')) {
      expect(
        modules.some((path) => path.startsWith('node_modules/@middy/core/')),
        name,
      ).toBe(true);
    }
    expect(
      modules.filter((path) => path.includes('@aws-lambda-powertools/logger')),
      name,
    ).toEqual([]);
    const code = await readFile(bundle?.file ?? '', 'utf8');
    expect(code, name).not.toMatch(/from\s*["']node:stream\/web["']/);
  });

  it.each(lean)('%s does not both render report pages and send to a queue', (name) => {
    const renders = bundles.get(name)?.modules.includes('shared/site/report-page.ts') ?? false;
    const sends = (functions[name]?.uses ?? []).some((use) => 'queue' in use);
    expect(renders && sends, name).toBe(false);
  });

  it('name only declared functions', () => {
    for (const name of DOCUMENT_READERS) expect(app.functions).toHaveProperty(name);
  });

  it('declare unbundled only packages whose dependencies ship beside them too', async () => {
    for (const [fn, decl] of Object.entries(functions)) {
      const shipped = decl.unbundled ?? [];
      for (const name of shipped) {
        const manifest = JSON.parse(await readFile(join('node_modules', name, 'package.json'), 'utf8'));
        for (const dependency of Object.keys(manifest.dependencies ?? {}))
          expect(shipped, `${fn}: ${name} needs ${dependency}`).toContain(dependency);
      }
    }
  });
});

describe('a package shipped beside a bundle', () => {
  it('is what the bundle loads: the Parquet writer writes a shard part', async () => {
    const bundled = await bundleSource(
      dir,
      'parquet',
      `import { parquetBytes } from '#shared/archive/parquet-stream.ts';
import { wideColumns } from '#shared/archive/dataset-formats.ts';
const bytes = await parquetBytes([wideColumns().map((c) => (c.type === 'string' ? 'x' : 1))]);
console.log(JSON.stringify([...bytes.subarray(0, 4), ...bytes.subarray(-4)]));`,
    );
    expect((await readFile(bundled, 'utf8')).includes('import("hyparquet-writer")'), 'loaded, not carried').toBe(true);
    for (const name of functions.buildShard?.unbundled ?? [])
      await cp(join('node_modules', name), join(dir, 'node_modules', name), { recursive: true });
    const { stdout } = await promisify(execFile)(process.execPath, [bundled], { cwd: tmpdir() });
    expect(String.fromCharCode(...JSON.parse(stdout))).toBe('PAR1PAR1');
  });
});

describe('errors in a bundle', () => {
  it('keep their names, though the bundle keeps no class names', async () => {
    const bundled = await bundleSource(
      dir,
      'names',
      `import { ReportParseError } from '#shared/errors.ts';
import { FilingError } from '#shared/filing/errors.ts';
const m = { zh: '', en: '' };
console.log(JSON.stringify([new ReportParseError('EMPTY_INPUT', m).name, new FilingError('FORBIDDEN', m).name]));`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [bundled]);
    expect(JSON.parse(stdout)).toEqual(['ReportParseError', 'FilingError']);
  });
});
