/**
 * A deployment setting held as one JSON value in an environment variable (from a CDK context key): parsed once
 * against its schema at start, so that a mistyped value stops the function with the variable and the path named.
 */
import type * as z from '#shared/zod.ts';

/** Unset or blank reads as `{}`, so the schema's defaults decide what an unconfigured deployment does. */
export function parseJsonSetting<S extends z.ZodMiniType>(
  schema: S,
  variable: string,
  raw: string | undefined,
  failure: new (message: string) => Error,
): z.output<S> {
  let json: unknown = {};
  if (raw !== undefined && raw.trim() !== '') {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new failure(`Environment variable ${variable} is not valid JSON`);
    }
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new failure(
    `Environment variable ${variable}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`,
  );
}
