/** `GONGKAI_REVIEW` (JSON; unset: no region reviews): the regions whose filings wait for their office's review. */
import { parseReviewConfig, REVIEW_CONFIG_ENV } from '#shared/review/review-config.ts';
import { perContainer } from './function-environment.ts';

export const reviewConfig = perContainer((env) => parseReviewConfig(env[REVIEW_CONFIG_ENV]));
