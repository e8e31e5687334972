/** On schedule (or triggered): the whole-year datasets, the data catalog and the national search index. */

import { logger } from '#kit/logger.ts';
import { compactionPorts } from '#kit/roots/compaction.ts';
import { type CompactionPorts, compactArchive } from '#shared/archive/compaction.ts';

export function createHandler(ports: () => CompactionPorts) {
  return async (): Promise<{ years: number[]; compacted: number[] }> => {
    const result = await compactArchive(ports());
    logger.info('archive compacted', { years: result.years, compacted: result.compacted });
    return { years: [...result.years], compacted: [...result.compacted] };
  };
}

export const handler = createHandler(compactionPorts);
