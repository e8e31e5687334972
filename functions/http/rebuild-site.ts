/** POST /v1/admin/site/rebuild — starts a rebuild job of every public page; 202 with the job to poll. */
import { randomUUID } from 'node:crypto';
import { httpHandler } from '#kit/http.ts';
import { rebuildStartPorts } from '#kit/roots/rebuild-jobs.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import { startRebuild } from '#shared/archive/rebuild-job.ts';

export function createHandler(
  ports: () => Pick<ArchivePorts, 'clock' | 'index' | 'queue'>,
  newId: () => string = randomUUID,
) {
  return httpHandler(async () => {
    const job = await startRebuild(ports(), newId());
    return { status: 202, body: { ...job, poll: `/v1/admin/site/rebuild/${job.jobId}` } };
  });
}

export const handler = createHandler(rebuildStartPorts);
