/** `GONGKAI_DEADLINES` (JSON; every field defaults): calendar overrides, reminder offsets, the site's URL. */
import { DEADLINES_CONFIG_ENV, parseDeadlineConfig } from '#shared/deadlines/config.ts';
import { perContainer } from './function-environment.ts';

export const deadlineConfig = /* @__PURE__ */ perContainer((env) => parseDeadlineConfig(env[DEADLINES_CONFIG_ENV]));

/** The public site's base URL, without a trailing slash, for the links a page, feed or mail builds on it. */
export function publicSiteUrl(): string {
  return deadlineConfig().siteUrl.replace(/\/+$/, '');
}
