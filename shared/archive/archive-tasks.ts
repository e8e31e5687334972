/**
 * The work the archive queue carries. Every aggregate has one writer: its task's message group is the
 * aggregate's identity, and an SQS FIFO queue hands a group to one consumer at a time.
 *
 * Bursts collapse: a task's body names its batching window (the current time divided by the queue's
 * delivery delay), and content-based de-duplication keeps one message per body. Because every message is
 * delayed by at least the window's length, it is received only after its window closed — so every filing
 * indexed before a message was sent, or de-duplicated into it, is in the index when its task runs.
 */
import * as z from '#shared/zod.ts';

export const ArchiveTaskSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    /** A county-level shard of a year: its pages, datasets, search file, sitemap and summary. */
    z.object({
      kind: z.literal('shard'),
      year: z.number().check(z.int()),
      code: z.string(),
      window: z.number().check(z.int()),
    }),
    /** A city or province of a year, rolled up from its children's summaries. */
    z.object({
      kind: z.literal('region'),
      year: z.number().check(z.int()),
      code: z.string(),
      window: z.number().check(z.int()),
    }),
    /** The national page of a year, rolled up from the provinces. */
    z.object({ kind: z.literal('nation'), year: z.number().check(z.int()), window: z.number().check(z.int()) }),
    /** A region's page across years. */
    z.object({ kind: z.literal('regionYears'), code: z.string(), window: z.number().check(z.int()) }),
    /** The home page, feed, sitemap index and search manifest. */
    z.object({ kind: z.literal('home'), window: z.number().check(z.int()) }),
    /** A rebuild job's planning step: list the registry and send one rebuild task per shard. */
    z.object({ kind: z.literal('rebuildPlan'), jobId: z.string() }),
    /** Re-publish every agency of one shard, then its aggregates. */
    z.object({
      kind: z.literal('rebuildShard'),
      jobId: z.string(),
      code: z.string(),
      agencyIds: z.array(z.string()),
    }),
  ]),
);
export type ArchiveTask = z.infer<typeof ArchiveTaskSchema>;

/** The aggregate a task writes; one consumer at a time per group. */
export function messageGroupOf(task: ArchiveTask): string {
  switch (task.kind) {
    case 'shard':
    case 'region':
      return `${task.kind}#${task.year}#${task.code}`;
    case 'nation':
      return `nation#${task.year}`;
    case 'regionYears':
      return `regionYears#${task.code}`;
    case 'home':
      return 'home';
    case 'rebuildPlan':
      return `rebuildPlan#${task.jobId}`;
    case 'rebuildShard':
      return `rebuildShard#${task.code}`;
  }
}

export interface TaskQueue {
  /** Sends tasks; identical bodies sent within the de-duplication interval are delivered once. */
  send(tasks: readonly ArchiveTask[]): Promise<void>;
}

/** The batching window a task sent now belongs to, for a queue delaying delivery by `delaySeconds`. */
export function windowOf(now: Date, delaySeconds: number): number {
  return Math.floor(now.getTime() / (Math.max(delaySeconds, 0.001) * 1000));
}

export function encodeTask(task: ArchiveTask): string {
  return JSON.stringify(task);
}
