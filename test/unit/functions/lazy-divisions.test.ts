import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { DIVISION_TABLE_FILE, type FunctionDecl } from '#infra/declaration.ts';
import { DIVISIONS_FILE } from '#shared/registry/divisions/load-divisions.ts';

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
  it('is read as a file at first use, never imported, so no bundle carries it', () => {
    const loader = readFileSync(join(ROOT, TABLE), 'utf8');
    expect(loader).toContain(`new URL('./${DIVISIONS_FILE}', import.meta.url)`);
    expect(loader).not.toMatch(/import[^;]*divisions-2023/);
    expect(join(dirname(TABLE), DIVISIONS_FILE)).toBe(DIVISION_TABLE_FILE.from);
    expect(DIVISION_TABLE_FILE.to).toBe(DIVISIONS_FILE);
  });

  // The other direction (a bundle that can read the table ships it) is checked on the bundles themselves,
  // in test/infra/lean-bundles.test.ts: only esbuild knows what its tree-shaking kept.
  it.each(Object.keys(app.functions))('ships beside %s only if that function can reach its loader', (fn) => {
    const decl: FunctionDecl<string, string> = app.functions[fn as keyof typeof app.functions];
    if ((decl.files ?? []).some((file) => file.from === DIVISION_TABLE_FILE.from)) {
      expect(staticClosure(decl.entry).has(TABLE)).toBe(true);
    }
  });

  it.each(['authorizer', 'health', 'getSubmission', 'listAgencyReports', 'createUpload', 'sendNotice'] as const)(
    'stays out of the %s bundle, which never needs a place name',
    (fn) => {
      expect(staticClosure(app.functions[fn].entry).has(TABLE)).toBe(false);
    },
  );
});
