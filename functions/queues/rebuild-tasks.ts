/** The rebuild queue's consumer: a rebuild job's planning step, or one shard's step, per message. */
import { rebuildPorts } from '#kit/roots/rebuild.ts';
import { taskConsumer } from '#kit/task-consumer.ts';
import type { RebuildPorts } from '#shared/archive/archive-ports.ts';
import { runRebuildTask } from '#shared/archive/rebuild-plan.ts';

export function createHandler(ports: () => RebuildPorts) {
  return taskConsumer('rebuild', (task) => runRebuildTask(ports(), task));
}

export const handler = createHandler(rebuildPorts);
