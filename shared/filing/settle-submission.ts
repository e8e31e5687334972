/** Finishes one pending submission under its lease: the sweep's and the upload handler's unit of work. */
import type { FilingPorts } from '#shared/ports.ts';
import { decideSubmission } from './decide-submission.ts';
import { agencyNotFound } from './errors.ts';
import { leaseUntil, nowIso } from './lease.ts';
import { publishSubmission } from './publish-submission.ts';
import type { Submission } from './records.ts';

/** Null when another worker holds the lease or there is nothing to do. */
export async function settleSubmission(ports: FilingPorts, submissionId: string): Promise<Submission | null> {
  if (!(await ports.submissions.acquireLease(submissionId, nowIso(ports.clock), leaseUntil(ports.clock)))) return null;
  try {
    const submission = await ports.submissions.get(submissionId);
    if (!submission) return null;
    // An upload whose object never arrived has nothing to settle until S3 reports it.
    if (submission.sha256 === null) {
      await ports.submissions.finish(submissionId);
      return null;
    }
    const agency = await ports.agencies.get(submission.agencyId);
    if (!agency) throw agencyNotFound(submission.agencyId);
    const decision = await decideSubmission(ports, agency, submission, null, 'reject');
    return await publishSubmission(ports, agency, decision);
  } catch (e) {
    await ports.submissions.releaseLease(submissionId, nowIso(ports.clock));
    throw e;
  }
}

export interface SweepResult {
  readonly settled: readonly string[];
  readonly failed: readonly { readonly submissionId: string; readonly error: unknown }[];
}

/** Settles every pending submission whose lease ran out; one failure does not stop the others. */
export async function sweepPending(ports: FilingPorts, limit = 100): Promise<SweepResult> {
  const ids = await ports.submissions.listPending(nowIso(ports.clock), limit);
  const settled: string[] = [];
  const failed: { submissionId: string; error: unknown }[] = [];
  for (const submissionId of ids) {
    try {
      if (await settleSubmission(ports, submissionId)) settled.push(submissionId);
    } catch (error) {
      failed.push({ submissionId, error });
    }
  }
  return { settled, failed };
}
