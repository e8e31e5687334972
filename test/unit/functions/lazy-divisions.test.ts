import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const ALIASES: Record<string, string> = {
  '#shared/': 'shared/',
  '#events/': 'events/',
  '#kit/': 'functions/_kit/',
  '#infra/': 'infra/',
};
/** Type-only imports are erased before bundling, so they are not followed. */
const STATIC_IMPORT = /^\s*(?:import|export)\s(?!type\s)[^;]*?\sfrom\s+['"]([^'"]+)['"]/gm;

/** Every repository module a file reaches through static imports (what esbuild puts in its bundle eagerly). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec = ''] of readFileSync(join(ROOT, file), 'utf8').matchAll(STATIC_IMPORT)) {
      const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
      const target = alias
        ? `${ALIASES[alias]}${spec.slice(alias.length)}`
        : spec.startsWith('.')
          ? relative(ROOT, join(ROOT, dirname(file), spec))
          : null;
      if (target && existsSync(join(ROOT, target))) visit(target);
    }
  };
  visit(entry);
  return seen;
}

const TABLE = 'shared/registry/divisions/load-divisions.ts';

describe('the division table', () => {
  it('is imported, as data, only dynamically and only by its loader', () => {
    const loader = readFileSync(join(ROOT, TABLE), 'utf8');
    expect(loader).toMatch(/await import\('\.\/data\/divisions-2023\.json'/);
    expect(loader).not.toMatch(/^import[^;]*divisions-2023/m);
  });

  it.each(['authorizer', 'health', 'getSubmission', 'listAgencyReports', 'createUpload', 'sendNotice'] as const)(
    'stays out of the %s bundle, which never needs a place name',
    (fn) => {
      expect(staticClosure(app.functions[fn].entry).has(TABLE)).toBe(false);
    },
  );
});
