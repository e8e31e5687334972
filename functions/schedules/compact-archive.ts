/** On schedule (or triggered): the whole-year datasets, the data catalog and the national search index. */

import { logger } from '#kit/logger.ts';
import { archivePorts } from '#kit/roots/archive.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import { compactArchive } from '#shared/archive/compaction.ts';

export function createHandler(ports: () => ArchivePorts) {
  return async (): Promise<{ years: number[]; compacted: number[] }> => {
    const result = await compactArchive(ports());
    logger.info('archive compacted', { years: result.years, compacted: result.compacted });
    return { years: [...result.years], compacted: [...result.compacted] };
  };
}

export const handler = createHandler(archivePorts);
