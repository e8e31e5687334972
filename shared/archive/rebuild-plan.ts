/**
 * The work of a rebuild job (`rebuild-job.ts`): planning its shards, and for each shard re-indexing its
 * agencies' filings with the code a filing's event runs (`indexFiling`), then queueing each agency's pages and
 * the shard's aggregates: the pages on the pages queue, each aggregate on its own queue, as a filing does.
 */
import { listAgencyVersions } from './agency-versions.ts';
import type { RebuildPorts } from './archive-ports.ts';
import { type ArchiveTask, type TaskOf, windowFor } from './archive-tasks.ts';
import { indexFiling } from './index-filing.ts';
import { JOB_SK, jobBookkeeping, jobPk, shardCountedField } from './rebuild-job.ts';
import { shardOf } from './regions.ts';

/**
 * Lists the registry once and sends one task per shard. A plan that failed is repeated: it sends a step for
 * every shard of the registry as it is now and of every earlier attempt (a shard gone from the registry gets a
 * step with no agencies, as one of its steps may already be queued), and records that union as the job's
 * shards before sending, so the job's total is the steps sent. A step that already ran skips itself.
 */
export async function planRebuild(ports: RebuildPorts, jobId: string): Promise<void> {
  const { job, planned: sent } = await jobBookkeeping(ports, jobId);
  if (job === null || job.status === 'done') return;
  const byShard = new Map<string, string[]>();
  for (const code of sent) byShard.set(code, []);
  let cursor: string | undefined;
  do {
    const page = await ports.agencies.list({ limit: 100, cursor });
    for (const agency of page.items) {
      const shard = shardOf(agency);
      const ids = byShard.get(shard);
      if (ids === undefined) byShard.set(shard, [agency.id]);
      else ids.push(agency.id);
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  const planned = [...byShard.keys()];
  await ports.index.update(jobPk(jobId), JOB_SK, { set: { status: 'running', shards: planned.length, planned } });
  const tasks = [...byShard].map(([code, agencyIds]) => ({ kind: 'rebuildShard' as const, jobId, code, agencyIds }));
  for (let i = 0; i < tasks.length; i += 10) await ports.queue.send(tasks.slice(i, i + 10));
}

export async function rebuildShard(
  ports: RebuildPorts,
  task: { jobId: string; code: string; agencyIds: readonly string[] },
): Promise<void> {
  if ((await jobBookkeeping(ports, task.jobId)).counted(task.code)) return;
  const years = new Set<number>();
  const pages: ArchiveTask[] = [];
  let reports = 0;
  for (const agencyId of task.agencyIds) {
    const versions = (await listAgencyVersions(ports, agencyId)).sort(
      (a, b) => a.year - b.year || a.version - b.version,
    );
    // Every version in filing order, as the filings indexed them, so the recent list comes out the same.
    for (const v of versions)
      await indexFiling(ports, { agencyId, year: v.year, version: v.version }, { sendTasks: false });
    if (versions.length > 0) pages.push({ kind: 'pages', agencyId, window: windowFor(ports, 'pages') });
    for (const year of new Set(versions.map((v) => v.year))) {
      reports += 1;
      years.add(year);
    }
  }
  await ports.queue.send([
    ...pages,
    ...[...years].map((year) => ({ kind: 'shard' as const, year, code: task.code, window: windowFor(ports, 'shard') })),
    { kind: 'home', window: windowFor(ports, 'home') },
  ]);
  // The mark and both counts in one write: a step run again, whether it failed before or after it, counts once.
  await ports.index.update(jobPk(task.jobId), JOB_SK, {
    once: shardCountedField(task.code),
    add: { reports, shardsDone: 1 },
  });
}

/** One rebuild-queue message's work. */
export async function runRebuildTask(ports: RebuildPorts, task: TaskOf<'rebuild'>): Promise<void> {
  if (task.kind === 'rebuildPlan') await planRebuild(ports, task.jobId);
  else await rebuildShard(ports, task);
}
