/**
 * A task queue's consumer (`shared/archive/archive-tasks.ts`): each message is one task of the kinds that
 * queue carries. A failed message is reported alone (partial batch response), so SQS retries it — and, FIFO,
 * holds the rest of its group — until it succeeds or goes to the dead-letter queue. A task of another queue's
 * kind fails the same way: it was sent where its writer does not run, and waits on the dead-letter queue.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ArchiveTaskSchema, queueOf, type TaskOf, type TaskQueueName } from '#shared/archive/archive-tasks.ts';
import { logger } from './logger.ts';

export function taskConsumer<Q extends TaskQueueName>(queue: Q, run: (task: TaskOf<Q>) => Promise<void>) {
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
        if (queueOf(task) !== queue) throw new Error(`a ${task.kind} task does not belong on the ${queue} queue`);
        await run(task as TaskOf<Q>);
        logger.info('task done', { queue, task });
      } catch (error) {
        logger.error('task failed', { queue, messageId: record.messageId, error: error as Error });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}
