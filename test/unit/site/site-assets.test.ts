import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ASSETS_FILE } from '#infra/declaration.ts';
import { SITE_NAME } from '#shared/site/page-shell.ts';
import { readSiteAsset, SITE_ASSET_URLS, SITE_ASSETS_PATH } from '#shared/site/site-assets.ts';
import { FEED_STYLESHEET_URL, FEED_URL, STYLESHEET_URL } from '#shared/site/site-paths.ts';

const LOADER = 'shared/site/site-assets.ts';

describe("the site's static assets", () => {
  it('are files beside their loader, at the path a bundled handler ships them to', async () => {
    expect(join(dirname(LOADER), SITE_ASSETS_PATH)).toBe(SITE_ASSETS_FILE.from);
    expect(SITE_ASSETS_FILE.to).toBe(SITE_ASSETS_PATH);
    for (const url of SITE_ASSET_URLS) {
      expect(url.startsWith(`/${SITE_ASSETS_PATH}/`), url).toBe(true);
      expect(await readSiteAsset(url)).toBe(readFileSync(join(SITE_ASSETS_FILE.from, url.slice(8)), 'utf8'));
    }
  });

  it("name the feed stylesheet's links and the site's name as the pages do", async () => {
    const xsl = await readSiteAsset(FEED_STYLESHEET_URL);
    expect(xsl).toContain(`<title>订阅最新报告 - ${SITE_NAME}</title>`);
    expect(xsl).toContain(`<link rel="stylesheet" href="${STYLESHEET_URL}"/>`);
    expect(xsl).toContain(`<a href="${FEED_URL}" aria-current="page">`);
  });
});
