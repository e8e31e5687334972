import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const AWS_IMPORT = /^\s*import[^;]*?from\s+['"]@aws-sdk\//m;

describe('the shape of the code', () => {
  it('imports @aws-sdk/* only in shared/adapters/ and functions/_kit/', () => {
    const offenders = ['shared', 'functions', 'events']
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith('shared/adapters/') && !file.startsWith('functions/_kit/'))
      .filter((file) => AWS_IMPORT.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps every declared handler thin (at most 60 lines)', () => {
    const long = Object.values(app.functions)
      .map((fn) => [fn.entry, readFileSync(join(ROOT, fn.entry), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 60);
    expect(long).toEqual([]);
  });

  it('gives every declared function an entry that exports a handler', async () => {
    for (const fn of Object.values(app.functions)) {
      const module: Record<string, unknown> = await import(join(ROOT, fn.entry));
      expect(typeof module.handler, fn.entry).toBe('function');
    }
  });
});
