/**
 * A full rebuild as a job: the route records the job and sends one planning task to the rebuild queue; the
 * plan walks the registry once and sends one task per shard with its agencies; each shard task re-indexes its
 * agencies' filings and then sends their pages tasks and the ordinary shard tasks, so pages and aggregates keep
 * their one writer (`rebuild-plan.ts`). A shard counts as done once those are sent. Progress is a counter on
 * the job's item, polled by the route and `gongkai site rebuild`. The job's record is apart from the work, so
 * the routes that start and poll a job carry no page builder.
 */
import * as z from '#shared/zod.ts';
import type { ArchivePorts } from './archive-ports.ts';

export const RebuildJobSchema = z.lazy(() =>
  z.object({
    jobId: z.string(),
    startedAt: z.string(),
    status: z.enum(['planning', 'running', 'done']),
    shards: z.number().check(z.int()),
    shardsDone: z.number().check(z.int()),
    reports: z.number().check(z.int()),
  }),
);
export type RebuildJob = z.infer<typeof RebuildJobSchema>;

/** A job's item in the archive index; its key is apart from the index's other keys so the job routes load none of them. */
export const jobPk = (jobId: string): string => `JOB#${jobId}`;
export const JOB_SK = 'JOB';
/**
 * Beside its public fields, the job's item keeps what makes its counts exact under retries: `planned`, every
 * shard any attempt of its plan sent a step for (its count is `shards`), and a mark per shard whose step was
 * counted, set in the same write as that step's counts.
 */
const JobBookkeepingSchema = z.lazy(() => z.object({ planned: z.optional(z.array(z.string())) }));
export const shardCountedField = (code: string): string => `SHARD#${code}`;

/** The job as polled, the shards its plan sent steps for so far, and whether a shard's step was counted. */
export async function jobBookkeeping(ports: Pick<ArchivePorts, 'index'>, jobId: string) {
  const value = await ports.index.get(jobPk(jobId), JOB_SK);
  const fields = (value ?? {}) as Record<string, unknown>;
  return {
    job: value === null ? null : jobOf(value),
    planned: JobBookkeepingSchema.parse(fields).planned ?? [],
    counted: (code: string): boolean => fields[shardCountedField(code)] !== undefined,
  };
}

export async function startRebuild(
  ports: Pick<ArchivePorts, 'clock' | 'index' | 'queue'>,
  jobId: string,
): Promise<RebuildJob> {
  const job: RebuildJob = {
    jobId,
    startedAt: ports.clock.now().toISOString(),
    status: 'planning',
    shards: 0,
    shardsDone: 0,
    reports: 0,
  };
  await ports.index.put({ pk: jobPk(jobId), sk: JOB_SK, value: job });
  await ports.queue.send([{ kind: 'rebuildPlan', jobId }]);
  return job;
}

/** A job's record with its derived status: done once every shard a step was sent for is counted. */
function jobOf(value: unknown): RebuildJob {
  const job = RebuildJobSchema.parse(value);
  const done = job.status !== 'planning' && job.shardsDone >= job.shards;
  return done ? { ...job, status: 'done' } : job;
}

export async function getRebuildJob(ports: Pick<ArchivePorts, 'index'>, jobId: string): Promise<RebuildJob | null> {
  const value = await ports.index.get(jobPk(jobId), JOB_SK);
  return value === null ? null : jobOf(value);
}
