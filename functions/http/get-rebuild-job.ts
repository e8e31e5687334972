/** GET /v1/admin/site/rebuild/{jobId} — how far a rebuild job got. */

import { httpHandler } from '#kit/http.ts';
import { rebuildReadPorts } from '#kit/roots/rebuild-job-read.ts';
import type { ArchivePorts } from '#shared/archive/archive-ports.ts';
import { getRebuildJob } from '#shared/archive/rebuild-job.ts';
import { FilingError } from '#shared/filing/errors.ts';

export function createHandler(ports: () => Pick<ArchivePorts, 'index'>) {
  return httpHandler(async (request) => {
    const jobId = request.pathParameters.jobId ?? '';
    const job = await getRebuildJob(ports(), jobId);
    if (job === null) throw new FilingError('JOB_NOT_FOUND', { zh: '没有这个重建任务。', en: 'No such rebuild job.' });
    return { status: 200, body: job };
  });
}

export const handler = createHandler(rebuildReadPorts);
