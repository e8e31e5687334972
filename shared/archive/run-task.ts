/** One queue message's work, by kind; the queue's consumer calls this for each message it receives. */

import type { ArchivePorts } from './archive-ports.ts';
import type { ArchiveTask } from './archive-tasks.ts';
import { buildShard } from './build-shard.ts';
import { planRebuild, rebuildShard } from './rebuild-plan.ts';
import { buildHome, buildNation, buildRegion, buildRegionYears } from './roll-ups.ts';

export async function runArchiveTask(ports: ArchivePorts, task: ArchiveTask): Promise<void> {
  switch (task.kind) {
    case 'shard':
      await buildShard(ports, task.year, task.code);
      return;
    case 'region':
      await buildRegion(ports, task.year, task.code);
      return;
    case 'nation':
      await buildNation(ports, task.year);
      return;
    case 'regionYears':
      await buildRegionYears(ports, task.code);
      return;
    case 'home':
      await buildHome(ports);
      return;
    case 'rebuildPlan':
      await planRebuild(ports, task.jobId);
      return;
    case 'rebuildShard':
      await rebuildShard(ports, task);
      return;
  }
}
