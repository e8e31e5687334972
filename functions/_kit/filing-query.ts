/** The query of the filing routes (submit, import): dry runs, amendments, the file's name, a publication day. */
import * as z from '#shared/zod.ts';
import type { HttpRequest } from './http.ts';
import { boundedText, parseInput } from './request-input.ts';

const FilingQuerySchema = z.lazy(() =>
  z.object({
    dryRun: z._default(z.enum(['true', 'false']), 'false'),
    amendmentReason: z.optional(boundedText(1000)),
    fileName: z.optional(boundedText(255)),
    agencyId: z.optional(boundedText(64)),
    /** Imports only: the day a historical report was published, when the file does not print it. */
    publishedOn: z.optional(z.iso.date()),
  }),
);

export function filingQueryOf(request: HttpRequest) {
  const query = parseInput(FilingQuerySchema, request.query, 'query');
  return {
    dryRun: query.dryRun === 'true',
    amendmentReason: query.amendmentReason ?? null,
    agencyId: query.agencyId ?? null,
    publishedOn: query.publishedOn ?? null,
  };
}
