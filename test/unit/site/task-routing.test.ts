import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { type ArchiveTask, QUEUE_OF, queueOf, windowFor, windowOf } from '#shared/archive/archive-tasks.ts';

const queues: Readonly<Record<string, { consumer: string; deliveryDelaySeconds: number }>> = app.queues ?? {};
const functions: Readonly<Record<string, { entry: string }>> = app.functions;

/** One task of every kind, as a sender would queue it. */
const TASKS: Readonly<Record<ArchiveTask['kind'], ArchiveTask>> = {
  pages: { kind: 'pages', agencyId: 'qujiang-trade-union', year: 2022, version: 1, window: 1 },
  shard: { kind: 'shard', year: 2022, code: '440205', window: 1 },
  region: { kind: 'region', year: 2022, code: '440200', window: 1 },
  nation: { kind: 'nation', year: 2022, window: 1 },
  regionYears: { kind: 'regionYears', code: '440205', window: 1 },
  home: { kind: 'home', window: 1 },
  rebuildPlan: { kind: 'rebuildPlan', jobId: 'job-1' },
  rebuildShard: { kind: 'rebuildShard', jobId: 'job-1', code: '440205', agencyIds: ['qujiang-trade-union'] },
};

type ConsumerModule = {
  createHandler(ports: () => never): (event: SQSEvent) => Promise<SQSBatchResponse>;
};

describe("the archive's task queues", () => {
  it('are each declared, with a consumer, for every kind of task', () => {
    for (const queue of new Set(Object.values(QUEUE_OF))) expect(queues[queue]?.consumer, queue).toBeDefined();
  });

  it('delay the aggregates by a window of at least ten seconds and the pages not at all', () => {
    expect(queues[queueOf({ kind: 'pages' })]?.deliveryDelaySeconds).toBe(0);
    for (const kind of ['shard', 'region', 'nation', 'regionYears', 'home'] as const)
      expect(queues[queueOf({ kind })]?.deliveryDelaySeconds, kind).toBeGreaterThanOrEqual(10);
  });

  it('window a task by the delay of the queue its kind goes to', () => {
    const clock = new ManualClock('2023-06-01T02:00:07.250Z');
    const ports = { clock, queueDelays: { pages: 0, shards: 10, archive: 30 } };
    expect(windowFor(ports, 'shard')).toBe(windowOf(clock.now(), 10));
    expect(windowFor(ports, 'home')).toBe(windowOf(clock.now(), 30));
    expect(windowFor(ports, 'pages')).toBe(clock.now().getTime());
    expect(() => windowFor({ clock, queueDelays: { archive: 10 } }, 'pages')).toThrow(/pages queue/);
  });

  // A consumer declared for one queue but taking another queue's name would refuse every message it gets.
  it.each(Object.keys(TASKS) as ArchiveTask['kind'][])(
    "hand a %s task to its queue's consumer, which runs it",
    async (kind) => {
      const consumer = queues[QUEUE_OF[kind]]?.consumer ?? '';
      const entry = functions[consumer]?.entry ?? '';
      const { createHandler } = (await import(join(import.meta.dirname, '../../..', entry))) as ConsumerModule;
      let ran = false;
      const handler = createHandler(() => {
        ran = true;
        throw new Error('the task reached its ports');
      });
      const reply = await handler({ Records: [{ messageId: 'm-1', body: JSON.stringify(TASKS[kind]) }] } as SQSEvent);
      expect(ran, `${consumer} (${entry})`).toBe(true);
      expect(reply.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    },
  );
});
