/**
 * The archive's task queues in memory with SQS FIFO's semantics: identical bodies within the de-duplication
 * interval are kept once, and a message group is handed to one consumer at a time, in order. One store holds
 * the tasks of every queue (their message groups never collide). Tests and the benchmark drain it with
 * `drain(handler)`, or only some tasks with `drain(handler, which)`.
 */
import { type ArchiveTask, encodeTask, messageGroupOf, type TaskQueue } from '#shared/archive/archive-tasks.ts';

const DEDUPLICATION_MS = 5 * 60_000;

export class MemoryTaskQueue implements TaskQueue {
  readonly #groups = new Map<string, ArchiveTask[]>();
  readonly #seen = new Map<string, number>();
  /** Every send, and every message kept after de-duplication. */
  sent = 0;
  accepted = 0;
  delivered: ArchiveTask[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  async send(tasks: readonly ArchiveTask[]): Promise<void> {
    for (const task of tasks) {
      this.sent += 1;
      const body = encodeTask(task);
      const at = this.now();
      const seen = this.#seen.get(body);
      if (seen !== undefined && at - seen < DEDUPLICATION_MS) continue;
      this.#seen.set(body, at);
      this.accepted += 1;
      const group = messageGroupOf(task);
      this.#groups.set(group, [...(this.#groups.get(group) ?? []), task]);
    }
  }

  get size(): number {
    let n = 0;
    for (const queue of this.#groups.values()) n += queue.length;
    return n;
  }

  /**
   * Runs every message (and those they send) until the queue is empty, or every message `which` picks;
   * groups run concurrently, each in order.
   */
  async drain(
    handle: (task: ArchiveTask) => Promise<void>,
    which: (task: ArchiveTask) => boolean = () => true,
  ): Promise<void> {
    for (;;) {
      const groups = [...this.#groups.entries()].filter(([, q]) => q[0] !== undefined && which(q[0]));
      if (groups.length === 0) return;
      await Promise.all(
        groups.map(async ([group, queue]) => {
          const task = queue.shift() as ArchiveTask;
          if (queue.length === 0) this.#groups.delete(group);
          this.delivered.push(task);
          await handle(task);
        }),
      );
    }
  }
}
