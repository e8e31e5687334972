/** The task queues a function sends to, by their declared names, with the delay each gives its tasks' windows. */
import { SqsTaskQueue } from '#shared/adapters/aws/sqs-task-queue.ts';
import type { QueueDelays, TaskQueue, TaskQueueName } from '#shared/archive/archive-tasks.ts';
import { sqs } from '../clients/sqs.ts';
import { queueDelaySeconds, queueUrl } from '../config.ts';

export function taskQueues(
  env: NodeJS.ProcessEnv,
  names: readonly TaskQueueName[],
): { readonly queue: TaskQueue; readonly queueDelays: QueueDelays } {
  return {
    queue: new SqsTaskQueue(sqs(), Object.fromEntries(names.map((name) => [name, queueUrl(name, env)]))),
    queueDelays: Object.fromEntries(names.map((name) => [name, queueDelaySeconds(name, env)])),
  };
}
