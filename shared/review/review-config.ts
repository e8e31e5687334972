/**
 * Which regions review filings before publication (先备案后公布, as 岳阳 requires): one JSON value (environment
 * variable `GONGKAI_REVIEW`, from the CDK context `review`), keyed by division code and inherited down the
 * tree like the deadline calendars (`#shared/deadlines/config.ts`). Unset, nothing is reviewed.
 *
 * @example {"regions":{"430600":true,"430602":false,"440205":{"department":true}}}
 */

import { parseJsonSetting } from '#shared/json-setting.ts';
import { type Agency, AgencyKindSchema } from '#shared/registry/agency.ts';
import { normalizeDivisionCode, selfAndAncestors } from '#shared/registry/divisions/division-code.ts';
import * as z from '#shared/zod.ts';

export const REVIEW_CONFIG_ENV = 'GONGKAI_REVIEW';

/** On or off for every kind, or per kind (kinds it leaves out inherit from the region above). */
const RegionReviewSchema = z.lazy(() => z.union([z.boolean(), z.partialRecord(AgencyKindSchema, z.boolean())]));

export const ReviewConfigSchema = z.lazy(() =>
  z.strictObject({
    regions: z._default(
      z.record(
        z
          .string()
          .check(z.refine((key) => normalizeDivisionCode(key) === key, 'a division code (440205, or 440205100)')),
        RegionReviewSchema,
      ),
      {},
    ),
  }),
);
export type ReviewConfig = z.output<typeof ReviewConfigSchema>;

export const NO_REVIEW: ReviewConfig = { regions: {} };

export class ReviewConfigError extends Error {
  override readonly name = 'ReviewConfigError';
}

/** Parses the variable's raw value (undefined or empty: no region reviews). */
export function parseReviewConfig(raw: string | undefined): ReviewConfig {
  return parseJsonSetting(ReviewConfigSchema, REVIEW_CONFIG_ENV, raw, ReviewConfigError);
}

/**
 * The nearest region (the agency's own, then its county, city, province) that says something about the
 * agency's kind decides: a city's review reaches its counties unless a county turns it off. An agency with no
 * region code has no office that could review it, so it is never held.
 */
export function reviewRequired(agency: Pick<Agency, 'regionCode' | 'kind'>, config: ReviewConfig): boolean {
  if (agency.regionCode === null) return false;
  for (const code of selfAndAncestors(agency.regionCode)) {
    const region = config.regions[code];
    const setting = typeof region === 'boolean' ? region : region?.[agency.kind];
    if (setting !== undefined) return setting;
  }
  return false;
}
