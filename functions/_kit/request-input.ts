/**
 * Request input checked once with zod, and JSON bodies; bad input is a typed 400, never a crash. The schemas
 * of particular inputs live beside the routes' kinds that read them (`page-query.ts`, `filing-query.ts`), so
 * a function builds only those it reads.
 */
import type { $ZodType } from 'zod/v4/core';
import { FilingError } from '#shared/filing/errors.ts';
import * as z from '#shared/zod.ts';
import type { HttpRequest } from './http.ts';

export function parseInput<S extends $ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return parsed.data;
  throw new FilingError(
    'INVALID_REQUEST',
    { zh: `请求参数有误（${what}）`, en: `Invalid request ${what}` },
    { details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } },
  );
}

/** A trimmed, non-empty string of at most `max` characters. */
export const boundedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Idempotency-Key: an opaque client string (a UUID, usually). */
const IdempotencyKeySchema = z.lazy(() => z.optional(boundedText(200)));

export function idempotencyKeyOf(request: HttpRequest): string | null {
  return parseInput(IdempotencyKeySchema, request.headers['idempotency-key'], 'Idempotency-Key') ?? null;
}

export function bodyBytes(request: HttpRequest): Buffer {
  const { body, isBase64Encoded } = request.event;
  return Buffer.from(body ?? '', isBase64Encoded ? 'base64' : 'utf8');
}

/** A JSON body; an absent body reads as `{}` when `optional`. */
export function jsonBodyOf(request: HttpRequest, options: { optional?: boolean } = {}): unknown {
  const bytes = bodyBytes(request);
  if (bytes.length === 0 && options.optional) return {};
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new FilingError('UNSUPPORTED_MEDIA_TYPE', {
      zh: '请求体须为 application/json',
      en: 'The body must be application/json',
    });
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new FilingError('MALFORMED_JSON', { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' });
  }
}
