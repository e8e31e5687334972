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

/** A started job whose planning task was taken off the queue, so a test runs the plan itself. */
async function startWithoutPlan(jobId: string): Promise<void> {
  await startRebuild(world, jobId);
  await world.queue.drain(
    async () => {},
    (task) => task.kind === 'rebuildPlan',
  );
}

/** The world with a queue whose second send fails: a plan fails between its first and second batch. */
function failingSecondSend() {
  let sends = 0;
  return {
    ...world,
    queue: {
      send: async (tasks: readonly ArchiveTask[]) => {
        sends += 1;
        if (sends === 2) throw new Error('SQS unavailable');
        await world.queue.send(tasks);
      },
    },
  };
}

/** The step of the first agency's shard. */
function firstAgencyStep(jobId: string): TaskOf<'rebuild'> {
  const agency = AGENCIES[0] as Agency;
  return { kind: 'rebuildShard', jobId, code: shardOf(agency), agencyIds: [agency.id] };
}

describe('a rebuild job', () => {
  it('rebuilds every shard and ends done when its plan failed after recording its shards and ran again', async () => {
    await startWithoutPlan('job-retried');
    const failingOnce = failingSecondSend();
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
    await startWithoutPlan('job-twice');
    await runRebuildTask(world, { kind: 'rebuildPlan', jobId: 'job-twice' });
    const step = firstAgencyStep('job-twice');
    await runRebuildTask(world, step);
    await runRebuildTask(world, step);
    expect(await getRebuildJob(world, 'job-twice')).toMatchObject({ shardsDone: 1, reports: 1 });
  });

  it('counts a step once when it failed after its counting write landed and ran again', async () => {
    await startWithoutPlan('job-lost');
    await runRebuildTask(world, { kind: 'rebuildPlan', jobId: 'job-lost' });
    // Every write to the job's item lands; the first one's answer is lost, as when a function times out after it.
    let lost = false;
    const index = new Proxy(world.index, {
      get(table, name, receiver) {
        const member = Reflect.get(table, name, receiver);
        if (typeof member !== 'function') return member;
        return async (...args: unknown[]) => {
          const result = await member.apply(table, args);
          const write = name !== 'get' && name !== 'query';
          if (write && !lost && JSON.stringify(args).includes('"JOB#job-lost"')) {
            lost = true;
            throw new Error('connection reset');
          }
          return result;
        };
      },
    });
    const step = firstAgencyStep('job-lost');
    await expect(runRebuildTask({ ...world, index }, step)).rejects.toThrow('connection reset');
    await runRebuildTask({ ...world, index }, step);
    expect(await getRebuildJob(world, 'job-lost')).toMatchObject({ shardsDone: 1, reports: 1 });
  });

  it('totals the steps its plan sent when the registry changed before a failed plan ran again', async () => {
    await startWithoutPlan('job-grown');
    const failingOnce = failingSecondSend();
    const plan = { kind: 'rebuildPlan', jobId: 'job-grown' } as const;
    await expect(runRebuildTask(failingOnce, plan)).rejects.toThrow('SQS unavailable');
    // Between the attempts one agency joins a new shard, and one of the shards sent so far leaves the registry.
    const joined = agencyOf('r-new', '新机关', 'department', '示范省示范市新区');
    await world.agencies.create(joined);
    await archive(world, joined.id, { report: buildReport('2021', 2022) });
    const moved = AGENCIES[0] as Agency;
    await world.agencies.replace({ ...moved, region: '示范省示范市第1区' });
    await runRebuildTask(world, plan);
    await drain(world);
    const job = await getRebuildJob(world, 'job-grown');
    // 12 shards planned first, one more now; the moved agency's old shard is still a step that was sent.
    expect(job).toMatchObject({ status: 'done', shards: AGENCIES.length + 1, shardsDone: AGENCIES.length + 1 });
    expect(job?.reports).toBe(AGENCIES.length + 1);
  }, 60_000);
});
