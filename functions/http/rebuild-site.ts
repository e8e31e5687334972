/** POST /v1/admin/site/rebuild — rewrites every public page from the registry and the stored versions. */
import { sitePorts } from '#kit/deps.ts';
import { httpHandler } from '#kit/http.ts';
import { rebuildSite } from '#shared/site/publish-site.ts';
import type { SitePorts } from '#shared/site/site-ports.ts';

export function createHandler(ports: () => SitePorts) {
  return httpHandler(async () => {
    const result = await rebuildSite(ports());
    return {
      status: 200,
      body: { reports: result.reports, files: result.written.length, skipped: result.skipped },
    };
  });
}

export const handler = createHandler(sitePorts);
