/**
 * Every function builds its ports from the environment its declared `uses` produce, and from nothing else:
 * the local runner gives it exactly that (as AWS does), so a use missing from `infra/app.ts` fails here
 * instead of after deploy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { awsEnvironment, declaredEnvironment } from '#infra/local/aws-environment.ts';
import { ConfigurationError } from '#kit/config.ts';
import { withFunctionEnvironment } from '#kit/function-environment.ts';

const ROOT = join(import.meta.dirname, '../../..');
const ROOT_IMPORT = /import \{ (\w+Ports) \} from '#kit\/roots\/([\w-]+)\.ts'/;

/** Every resource of the declaration under its logical name, as the stand-ins would name them. */
const FULL = awsEnvironment(
  {
    dynamodb: 'http://127.0.0.1:1',
    s3: 'http://127.0.0.1:2',
    ses: 'http://127.0.0.1:3',
    eventBridge: 'http://127.0.0.1:4',
    sqs: 'http://127.0.0.1:5',
  },
  {
    tables: Object.fromEntries(Object.keys(app.tables).map((name) => [name, `local-${name}`])),
    buckets: Object.fromEntries(Object.keys(app.buckets).map((name) => [name, `local-${name}`])),
    queues: Object.fromEntries(
      Object.keys(app.queues ?? {}).map((name) => [name, { url: `http://127.0.0.1:5/q/${name}`, delaySeconds: 0 }]),
    ),
    eventBus: 'local-bus',
    mailSender: 'notices@example.org',
  },
);

/** The composition root a function's entry imports, if it has one (the health check has none). */
async function rootOf(entry: string): Promise<(() => unknown) | null> {
  const match = readFileSync(join(ROOT, entry), 'utf8').match(ROOT_IMPORT);
  if (match === null) return null;
  const [, exported = '', file = ''] = match;
  const module: Record<string, unknown> = await import(`#kit/roots/${file}.ts`);
  const build = module[exported];
  if (typeof build !== 'function') throw new Error(`${file}.ts does not export ${exported}`);
  return build as () => unknown;
}

const functions = Object.entries(app.functions);

describe('each function, given only its declared environment', () => {
  it.each(functions)('%s builds its ports', async (name, decl) => {
    const build = await rootOf(decl.entry);
    if (build === null) return;
    const env = declaredEnvironment(name, decl, FULL);
    expect(() => withFunctionEnvironment(env, build)).not.toThrow();
  });

  it.each(functions.filter(([, decl]) => decl.uses.length > 0))(
    '%s fails to build them without its uses',
    async (name, decl) => {
      const build = await rootOf(decl.entry);
      if (build === null) return;
      const env = declaredEnvironment(name, { ...decl, uses: [] }, FULL);
      expect(() => withFunctionEnvironment(env, build)).toThrow(ConfigurationError);
    },
  );

  it("sees no other function's resource names", () => {
    const env = declaredEnvironment('listNotices', app.functions.listNotices, FULL);
    expect(env.NOTICES_TABLE_NAME).toBe('local-notices');
    expect(env.REGISTRY_TABLE_NAME).toBeUndefined();
    expect(env.SITE_BUCKET_NAME).toBeUndefined();
    expect(env.AWS_LAMBDA_FUNCTION_NAME).toBe('listNotices');
  });
});
