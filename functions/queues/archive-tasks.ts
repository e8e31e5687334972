/** The archive queue's consumer: the roll-ups (a city or province, the nation, a region's years, the home page). */
import { archivePorts } from '#kit/roots/archive.ts';
import { taskConsumer } from '#kit/task-consumer.ts';
import type { AggregatePorts } from '#shared/archive/archive-ports.ts';
import { runArchiveTask } from '#shared/archive/run-task.ts';

export function createHandler(ports: () => AggregatePorts) {
  return taskConsumer('archive', (task) => runArchiveTask(ports(), task));
}

export const handler = createHandler(archivePorts);
