/** The shards queue's consumer: one county-level shard of a year per message, the per-filing hot path. */
import { shardPorts } from '#kit/roots/shard.ts';
import { taskConsumer } from '#kit/task-consumer.ts';
import type { ShardPorts } from '#shared/archive/archive-ports.ts';
import { buildShard } from '#shared/archive/build-shard.ts';

export function createHandler(ports: () => ShardPorts) {
  return taskConsumer('shards', async (task) => {
    await buildShard(ports(), task.year, task.code);
  });
}

export const handler = createHandler(shardPorts);
