/**
 * ReportAccepted / ReportAmended / ReportPublished → the filing's index entry and the recent list, then its
 * tasks: the agency's pages on the pages queue, one task per aggregate it touches (its shard, the home page)
 * on theirs. Renders nothing. Safe to repeat (upserts, de-duplicated tasks).
 */
import { ReportAccepted } from '#events/report-accepted.ts';
import { ReportAmended } from '#events/report-amended.ts';
import { ReportPublished } from '#events/report-published.ts';
import { eventHandler } from '#kit/event.ts';
import { logger } from '#kit/logger.ts';
import { indexPorts } from '#kit/roots/index-filing.ts';
import type { IndexPorts } from '#shared/archive/archive-ports.ts';
import { indexFiling } from '#shared/archive/index-filing.ts';

export function createHandler(ports: () => IndexPorts) {
  return eventHandler([ReportAccepted, ReportAmended, ReportPublished], async ({ detail }) => {
    const entry = await indexFiling(ports(), detail);
    logger.info('filing indexed', {
      agencyId: detail.agencyId,
      year: detail.year,
      version: detail.version,
      indexed: entry !== null,
    });
  });
}

export const handler = createHandler(indexPorts);
