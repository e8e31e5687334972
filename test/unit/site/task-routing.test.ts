import { describe, expect, it } from 'vitest';
import { app } from '#infra/app.ts';
import { ManualClock } from '#shared/adapters/memory/manual-clock.ts';
import { QUEUE_OF, queueOf, windowFor, windowOf } from '#shared/archive/archive-tasks.ts';

const queues: Readonly<Record<string, { consumer: string; deliveryDelaySeconds: number }>> = app.queues ?? {};

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
});
