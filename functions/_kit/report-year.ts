/** The `?year=` of the office and status routes: a report year, last year's by default (the season in progress). */

import { chinaDay } from '#shared/deadlines/calendar.ts';
import type { Clock } from '#shared/ports.ts';
import * as z from '#shared/zod.ts';
import type { HttpRequest } from './http.ts';
import { parseInput } from './request-input.ts';

const YearQuerySchema = z.lazy(() =>
  z.object({ year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))) }),
);

export function reportYearOf(request: HttpRequest, clock: Clock): { year: number; asOf: string } {
  const asOf = chinaDay(clock.now());
  const { year } = parseInput(YearQuerySchema, { year: request.query.year }, 'query');
  return { year: year ?? Number(asOf.slice(0, 4)) - 1, asOf };
}
