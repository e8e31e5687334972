/** One page of a listing: `limit` (1–100, 50 by default) and the opaque `cursor` the last page returned. */
import type { PageRequest } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';
import type { HttpRequest } from './http.ts';
import { parseInput } from './request-input.ts';

const PageQuerySchema = z.lazy(() =>
  z.object({
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  }),
);

export function pageOf(request: HttpRequest): PageRequest {
  const { limit, cursor } = parseInput(PageQuerySchema, request.query, 'query');
  return { limit, ...(cursor ? { cursor } : {}) };
}
