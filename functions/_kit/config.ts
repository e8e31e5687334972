/** Configuration comes from the environment, read once and checked with zod; a gap fails naming the variable. */
import type { AppBuckets, AppTables } from '#infra/app.ts';
import { bucketEnvName, EVENT_BUS_ENV, queueDelayEnvName, queueEnvName, tableEnvName } from '#infra/declaration.ts';
import * as z from '#shared/zod.ts';
import { functionEnvironment } from './function-environment.ts';

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

const ResourceName = z.lazy(() => z.string({ error: 'is not set' }).check(z.trim(), z.minLength(1, 'is empty')));
const Flag = z.lazy(() => z._default(z.enum(['true', 'false'], { error: 'must be "true" or "false"' }), 'false'));

function read<T>(name: string, schema: z.ZodMiniType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env[name]);
  if (parsed.success) return parsed.data;
  throw new ConfigurationError(`Environment variable ${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
}

export function tableName(table: AppTables, env: NodeJS.ProcessEnv = functionEnvironment()): string {
  return read(tableEnvName(table), ResourceName, env);
}

export function bucketName(bucket: AppBuckets, env: NodeJS.ProcessEnv = functionEnvironment()): string {
  return read(bucketEnvName(bucket), ResourceName, env);
}

export function eventBusName(env: NodeJS.ProcessEnv = functionEnvironment()): string {
  return read(EVENT_BUS_ENV, ResourceName, env);
}

/** s3rver (and any path-style endpoint) needs it; the JS SDK has no environment variable of its own for it. */
export function s3ForcePathStyle(env: NodeJS.ProcessEnv = functionEnvironment()): boolean {
  return read('S3_FORCE_PATH_STYLE', Flag, env) === 'true';
}

export function queueUrl(queue: string, env: NodeJS.ProcessEnv = functionEnvironment()): string {
  return read(queueEnvName(queue), ResourceName, env);
}

export function queueDelaySeconds(queue: string, env: NodeJS.ProcessEnv = functionEnvironment()): number {
  return read(queueDelayEnvName(queue), z.coerce.number().check(z.nonnegative()), env);
}
