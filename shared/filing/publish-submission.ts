/** Publishes a decided submission's event once, then marks the submission finished. */
import type { FilingPorts } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import type { Decision } from './decide-submission.ts';
import { publishAccepted, publishRejected } from './filing-events.ts';
import { isPublic, type Submission } from './records.ts';

/**
 * The event goes out before the submission is marked published, so a crash in between re-publishes the
 * same event (same `eventId`) rather than losing it: delivery is at least once, consumers de-duplicate.
 */
export async function publishSubmission(ports: FilingPorts, agency: Agency, decision: Decision): Promise<Submission> {
  const { submission } = decision;
  if (submission.status === 'processing') return submission;
  if (!submission.eventPublished) {
    if (submission.status === 'accepted') {
      const version =
        decision.version ??
        (submission.year === null
          ? null
          : await ports.versions.findBySubmission(submission.agencyId, submission.year, submission.submissionId));
      if (!version) throw new Error(`accepted submission ${submission.submissionId} has no version`);
      // A version held for review becomes public, with its event, only when the office accepts it.
      if (isPublic(version)) await publishAccepted(ports, version, agency.name);
    } else {
      await publishRejected(ports, submission, agency.name);
    }
  }
  const published: Submission = { ...submission, eventPublished: true };
  if (!submission.eventPublished) await ports.submissions.save(published);
  await ports.submissions.finish(submission.submissionId);
  return published;
}
