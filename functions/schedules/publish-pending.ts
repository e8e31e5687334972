/**
 * Every five minutes: finish every submission whose worker died or whose event could not be published,
 * once its lease has run out. The outbox of the filing service (DynamoDB Local has no streams).
 */

import { logger } from '#kit/logger.ts';
import { filingPorts } from '#kit/roots/filing.ts';
import { sweepPending } from '#shared/filing/settle-submission.ts';
import type { FilingPorts } from '#shared/ports.ts';

export function createHandler(ports: () => FilingPorts) {
  return async (): Promise<{ settled: number; failed: number }> => {
    const result = await sweepPending(ports());
    for (const { submissionId, error } of result.failed) {
      logger.error('pending submission still unfinished', { submissionId, error: error as Error });
    }
    logger.info('sweep done', { settled: result.settled.length, failed: result.failed.length });
    return { settled: result.settled.length, failed: result.failed.length };
  };
}

export const handler = createHandler(filingPorts);
