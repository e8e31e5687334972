import { beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveTask, TaskOf } from '#shared/archive/archive-tasks.ts';
import { getRebuildJob, startRebuild } from '#shared/archive/rebuild-job.ts';
import { runRebuildTask } from '#shared/archive/rebuild-plan.ts';
import { shardOf } from '#shared/archive/regions.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { buildReport } from '../../helpers/report-builder.ts';
import { agencyOf, archive, drain, type SiteWorld, siteWorld } from './site-world.ts';

// More shards than one send of the plan carries, so a plan can fail between two sends.
const AGENCIES = Array.from({ length: 12 }, (_, i) =>
  agencyOf(`r-${i}`, `机关${i}`, 'department', `示范省示范市第${i}区`),
);
let world: SiteWorld;

beforeEach(async () => {
  world = siteWorld();
  for (const agency of AGENCIES) {
    await world.agencies.create(agency);
    await archive(world, agency.id, { report: buildReport('2021', 2022) });
  }
});

describe('a rebuild job', () => {
  it('rebuilds every shard and ends done when its plan failed after recording its shards and ran again', async () => {
    await startRebuild(world, 'job-retried');
    await world.queue.drain(
      async () => {},
      (task) => task.kind === 'rebuildPlan',
    );
    let sends = 0;
    const failingOnce = {
      ...world,
      queue: {
        send: async (tasks: readonly ArchiveTask[]) => {
          sends += 1;
          if (sends === 2) throw new Error('SQS unavailable');
          await world.queue.send(tasks);
        },
      },
    };
    const plan = { kind: 'rebuildPlan', jobId: 'job-retried' } as const;
    await expect(runRebuildTask(failingOnce, plan)).rejects.toThrow('SQS unavailable');
    expect((await getRebuildJob(world, 'job-retried'))?.status).toBe('running');
    await runRebuildTask(world, plan);
    await drain(world);
    const job = await getRebuildJob(world, 'job-retried');
    expect(job).toMatchObject({ status: 'done', shards: AGENCIES.length, shardsDone: AGENCIES.length });
    expect(job?.reports).toBe(AGENCIES.length);
    for (const agency of AGENCIES) expect(world.site.keys()).toContain(`reports/${agency.id}/2022/index.html`);
  }, 60_000);

  it("counts a shard's step once when it is delivered twice", async () => {
    await startRebuild(world, 'job-twice');
    await world.queue.drain(
      async () => {},
      (task) => task.kind === 'rebuildPlan',
    );
    await runRebuildTask(world, { kind: 'rebuildPlan', jobId: 'job-twice' });
    const agency = AGENCIES[0] as Agency;
    const step: TaskOf<'rebuild'> = {
      kind: 'rebuildShard',
      jobId: 'job-twice',
      code: shardOf(agency),
      agencyIds: [agency.id],
    };
    await runRebuildTask(world, step);
    await runRebuildTask(world, step);
    expect(await getRebuildJob(world, 'job-twice')).toMatchObject({ shardsDone: 1, reports: 1 });
  });
});
