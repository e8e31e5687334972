/**
 * The archive queue on SQS FIFO: each task's aggregate is its message group (one consumer at a time) and the
 * queue de-duplicates by content, so the body alone decides which sends collapse.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type ArchiveTask, encodeTask, messageGroupOf, type TaskQueue } from '#shared/archive/archive-tasks.ts';

const BATCH = 10;

export class SqsTaskQueue implements TaskQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(tasks: readonly ArchiveTask[]): Promise<void> {
    for (let i = 0; i < tasks.length; i += BATCH) {
      const entries = tasks.slice(i, i + BATCH).map((task, n) => ({
        Id: String(n),
        MessageBody: encodeTask(task),
        MessageGroupId: messageGroupOf(task),
      }));
      const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
      const failed = out.Failed ?? [];
      if (failed.length > 0)
        throw new Error(`SQS refused ${failed.length} task(s): ${failed[0]?.Message ?? failed[0]?.Code}`);
    }
  }
}
