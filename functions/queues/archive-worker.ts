/**
 * The archive queue's consumer: each message is one aggregate task. A failed message is reported alone
 * (partial batch response), so SQS retries it — and, FIFO, holds the rest of its group — until it succeeds
 * or goes to the dead-letter queue.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '#kit/logger.ts';
import { archivePorts } from '#kit/roots/archive.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import { ArchiveTaskSchema } from '#shared/archive/archive-tasks.ts';
import { runArchiveTask } from '#shared/archive/run-task.ts';

export function createHandler(ports: () => ArchivePorts) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: { itemIdentifier: string }[] = [];
    for (const record of event.Records) {
      // Once one message of a FIFO batch fails, the later ones must be retried too, to keep the group's order.
      if (batchItemFailures.length > 0) {
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      try {
        const task = ArchiveTaskSchema.parse(JSON.parse(record.body));
        await runArchiveTask(ports(), task);
        logger.info('archive task done', { task });
      } catch (error) {
        logger.error('archive task failed', { messageId: record.messageId, error: error as Error });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

export const handler = createHandler(archivePorts);
