/**
 * ReportAccepted / ReportAmended / ReportPublished → the filing's own pages and index entry, and one task per aggregate it
 * touches (its shard, the home page) on the archive queue. Safe to repeat (upserts, de-duplicated tasks).
 */
import { ReportAccepted } from '#events/report-accepted.ts';
import { ReportAmended } from '#events/report-amended.ts';
import { ReportPublished } from '#events/report-published.ts';
import { eventHandler } from '#kit/event.ts';
import { logger } from '#kit/logger.ts';
import { archivePorts } from '#kit/roots/archive.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import { publishFiling } from '#shared/archive/publish-filing.ts';

export function createHandler(ports: () => ArchivePorts) {
  return eventHandler([ReportAccepted, ReportAmended, ReportPublished], async ({ detail }) => {
    const update = await publishFiling(ports(), detail);
    logger.info('site updated', {
      agencyId: detail.agencyId,
      year: detail.year,
      version: detail.version,
      files: update.written.length,
    });
  });
}

export const handler = createHandler(archivePorts);
