/**
 * ReportAccepted / ReportAmended → the agency-year's pages and the pages that list it. The subscription
 * delivers both detail types here; each is parsed with its own contract. Safe to repeat (upserts only).
 */
import { ReportAccepted, ReportAmended } from '#events/index.ts';
import { sitePorts } from '#kit/deps.ts';
import { eventHandler } from '#kit/event.ts';
import { logger } from '#kit/logger.ts';
import { publishFiling } from '#shared/site/publish-site.ts';
import type { SitePorts } from '#shared/site/site-ports.ts';

export function createHandler(ports: () => SitePorts) {
  const run = async (detail: { agencyId: string; year: number; version: number }) => {
    const update = await publishFiling(ports(), detail);
    if (update.rebuiltBecause) {
      logger.warn('site rebuilt from the stored versions: an index object was damaged', {
        damaged: update.rebuiltBecause,
      });
    }
    logger.info('site updated', {
      agencyId: detail.agencyId,
      year: detail.year,
      version: detail.version,
      files: update.written.length,
    });
  };
  const onAccepted = eventHandler(ReportAccepted, run);
  const onAmended = eventHandler(ReportAmended, run);
  return async (event: unknown): Promise<void> => {
    const detailType = (event as { 'detail-type'?: unknown } | null)?.['detail-type'];
    await (detailType === ReportAmended.detailType ? onAmended(event) : onAccepted(event));
  };
}

export const handler = createHandler(sitePorts);
