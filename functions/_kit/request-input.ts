/** Query strings, headers and JSON bodies, parsed once with zod; bad input is a typed 400, never a crash. */
import type { $ZodType } from 'zod/v4/core';
import { FilingError } from '#shared/filing/errors.ts';
import type { PageRequest } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';
import type { HttpRequest } from './http.ts';
import { bodyBytes } from './report-file.ts';

export function parseInput<S extends $ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return parsed.data;
  throw new FilingError(
    'INVALID_REQUEST',
    { zh: `请求参数有误（${what}）`, en: `Invalid request ${what}` },
    { details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } },
  );
}

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Idempotency-Key: an opaque client string (a UUID, usually). */
export function idempotencyKeyOf(request: HttpRequest): string | null {
  return parseInput(z.optional(Text(200)), request.headers['idempotency-key'], 'Idempotency-Key') ?? null;
}

const FilingQuerySchema = z.object({
  dryRun: z._default(z.enum(['true', 'false']), 'false'),
  amendmentReason: z.optional(Text(1000)),
  fileName: z.optional(Text(255)),
  agencyId: z.optional(Text(64)),
  /** Imports only: the day a historical report was published, when the file does not print it. */
  publishedOn: z.optional(z.iso.date()),
});

export function filingQueryOf(request: HttpRequest) {
  const query = parseInput(FilingQuerySchema, request.query, 'query');
  return {
    dryRun: query.dryRun === 'true',
    amendmentReason: query.amendmentReason ?? null,
    agencyId: query.agencyId ?? null,
    publishedOn: query.publishedOn ?? null,
  };
}

const PageQuerySchema = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
});

export function pageOf(request: HttpRequest): PageRequest {
  const { limit, cursor } = parseInput(PageQuerySchema, request.query, 'query');
  return { limit, ...(cursor ? { cursor } : {}) };
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
