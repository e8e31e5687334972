/** One archive-queue message's work, by kind: the roll-ups (a rebuild job's steps are `rebuild-plan.ts`'s). */

import type { AggregatePorts } from './archive-ports.ts';
import type { TaskOf } from './archive-tasks.ts';
import { buildHome, buildNation, buildRegion, buildRegionYears } from './roll-ups.ts';

export async function runArchiveTask(ports: AggregatePorts, task: TaskOf<'archive'>): Promise<void> {
  switch (task.kind) {
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
  }
}
