/**
 * The archive's task queues on SQS FIFO: each task goes to the queue of its kind (`queueOf`), its aggregate
 * is its message group (one consumer at a time) and each queue de-duplicates by content, so the body alone
 * decides which sends collapse. Built with the URLs of the queues its function may send to; a task for any
 * other fails before anything is sent.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  type ArchiveTask,
  encodeTask,
  messageGroupOf,
  queueOf,
  type TaskQueue,
  type TaskQueueName,
} from '#shared/archive/archive-tasks.ts';

const BATCH = 10;

export class SqsTaskQueue implements TaskQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrls: Readonly<Partial<Record<TaskQueueName, string>>>,
  ) {}

  async send(tasks: readonly ArchiveTask[]): Promise<void> {
    const byQueue = new Map<string, ArchiveTask[]>();
    for (const task of tasks) {
      const url = this.queueUrls[queueOf(task)];
      if (url === undefined) throw new Error(`no ${queueOf(task)} queue to send a ${task.kind} task to`);
      byQueue.set(url, [...(byQueue.get(url) ?? []), task]);
    }
    for (const [url, queued] of byQueue) await this.sendTo(url, queued);
  }

  private async sendTo(queueUrl: string, tasks: readonly ArchiveTask[]): Promise<void> {
    for (let i = 0; i < tasks.length; i += BATCH) {
      const entries = tasks.slice(i, i + BATCH).map((task, n) => ({
        Id: String(n),
        MessageBody: encodeTask(task),
        MessageGroupId: messageGroupOf(task),
      }));
      const out = await this.client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      const failed = out.Failed ?? [];
      if (failed.length > 0)
        throw new Error(`SQS refused ${failed.length} task(s): ${failed[0]?.Message ?? failed[0]?.Code}`);
    }
  }
}
