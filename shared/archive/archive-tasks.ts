/**
 * The work the archive's task queues carry, and the one place a task's kind decides its queue (`QUEUE_OF`):
 * - `pages`: one agency's report pages, downloads and agency page; the message group is the agency, so its
 *   pages have one writer at a time, and the queue delays nothing, so they normally exist before any aggregate
 *   (delayed by its window) links to them.
 * - `shards`: a county-level shard of a year, the per-filing hot path.
 * - `archive`: the roll-ups (a city or province, the nation, a region's years, the home page).
 * - `rebuild`: a rebuild job's steps, which re-index the filings and queue the work of the three others.
 * Every aggregate has one writer: its task's message group is the aggregate's identity, it goes to exactly
 * one queue, and an SQS FIFO queue hands a group to one consumer at a time.
 *
 * Bursts collapse: a task's body names its batching window (the current time divided by the delivery delay
 * of the queue it goes to), and content-based de-duplication keeps one message per body. Because every message
 * of the shards and archive queues is delayed by its window's length, it is received only after its window
 * closed — so every filing indexed before a message was sent, or de-duplicated into it, is in the index when
 * its task runs. The pages queue delays nothing, so its window is a millisecond: a pages task is sent after the
 * entry it reads, and its window only keeps a later send (a rebuild's, a repeated event's) from collapsing into
 * an earlier task that may already have run.
 */
import * as z from '#shared/zod.ts';
import { integer } from '#shared/zod-leaves.ts';

export const ArchiveTaskSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    /** A county-level shard of a year: its pages, datasets, search file, sitemap and summary. */
    z.object({
      kind: z.literal('shard'),
      year: integer,
      code: z.string(),
      window: integer,
    }),
    /** A city or province of a year, rolled up from its children's summaries. */
    z.object({
      kind: z.literal('region'),
      year: integer,
      code: z.string(),
      window: integer,
    }),
    /** The national page of a year, rolled up from the provinces. */
    z.object({ kind: z.literal('nation'), year: integer, window: integer }),
    /** A region's page across years. */
    z.object({ kind: z.literal('regionYears'), code: z.string(), window: integer }),
    /** The home page, feed, sitemap index and search manifest. */
    z.object({ kind: z.literal('home'), window: integer }),
    /** A rebuild job's planning step: list the registry and send one rebuild task per shard. */
    z.object({ kind: z.literal('rebuildPlan'), jobId: z.string() }),
    /**
     * An agency's pages: every version's page of the agency-year, the downloads of the version named, the
     * current page with its downloads, and the agency page; or, with no year, those of every year with every
     * version's downloads (a rebuild), the same files.
     */
    z.object({
      kind: z.literal('pages'),
      agencyId: z.string(),
      year: z.optional(integer),
      version: z.optional(integer),
      window: integer,
    }),
    /** Re-index every agency of one shard, then queue their pages and the shard's aggregates. */
    z.object({
      kind: z.literal('rebuildShard'),
      jobId: z.string(),
      code: z.string(),
      agencyIds: z.array(z.string()),
    }),
  ]),
);
export type ArchiveTask = z.infer<typeof ArchiveTaskSchema>;

export type TaskQueueName = 'archive' | 'shards' | 'pages' | 'rebuild';

/** The queue each kind of task goes to: sent there, and run only by that queue's consumer. */
export const QUEUE_OF = {
  pages: 'pages',
  shard: 'shards',
  region: 'archive',
  nation: 'archive',
  regionYears: 'archive',
  home: 'archive',
  rebuildPlan: 'rebuild',
  rebuildShard: 'rebuild',
} as const satisfies Record<ArchiveTask['kind'], TaskQueueName>;

export function queueOf(task: Pick<ArchiveTask, 'kind'>): TaskQueueName {
  return QUEUE_OF[task.kind];
}

/** The tasks of one queue, as its consumer takes them. */
export type TaskOf<Q extends TaskQueueName> = Extract<
  ArchiveTask,
  { kind: { [K in keyof typeof QUEUE_OF]: (typeof QUEUE_OF)[K] extends Q ? K : never }[keyof typeof QUEUE_OF] }
>;

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
    case 'pages':
      return `pages#${task.agencyId}`;
  }
}

export interface TaskQueue {
  /**
   * Sends each task to the queue of its kind; identical bodies sent within the de-duplication interval are
   * delivered once.
   */
  send(tasks: readonly ArchiveTask[]): Promise<void>;
}

/** The delivery delay of each queue a function sends to (seconds), which is also its tasks' batching window. */
export type QueueDelays = Readonly<Partial<Record<TaskQueueName, number>>>;

/** The batching window a task sent now belongs to, for a queue delaying delivery by `delaySeconds`. */
export function windowOf(now: Date, delaySeconds: number): number {
  return Math.floor(now.getTime() / (Math.max(delaySeconds, 0.001) * 1000));
}

/** The window of a task of `kind` sent now: that of the queue the kind goes to. */
export function windowFor(
  ports: { readonly clock: { now(): Date }; readonly queueDelays: QueueDelays },
  kind: ArchiveTask['kind'],
): number {
  const queue = QUEUE_OF[kind];
  const delay = ports.queueDelays[queue];
  if (delay === undefined) throw new Error(`no delay known for the ${queue} queue`);
  return windowOf(ports.clock.now(), delay);
}

export function encodeTask(task: ArchiveTask): string {
  return JSON.stringify(task);
}
