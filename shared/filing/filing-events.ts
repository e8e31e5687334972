/** The event each settled submission publishes, built from what was stored (so a re-publish is identical). */
import { ReportAccepted } from '#events/report-accepted.ts';
import { ReportAmended } from '#events/report-amended.ts';
import { ReportPublished } from '#events/report-published.ts';
import { SubmissionRejected } from '#events/submission-rejected.ts';
import type { FilingPorts } from '#shared/ports.ts';
import type { ReportVersion, Submission } from './records.ts';

export async function publishAccepted(
  ports: Pick<FilingPorts, 'events'>,
  version: ReportVersion,
  agencyName: string,
): Promise<void> {
  const facts = versionFacts(version, agencyName);
  const path = `${version.agencyId}/${version.year}/v${version.version}`;
  if (version.version === 1) {
    await ports.events.publish(ReportAccepted, { ...facts, eventId: `ReportAccepted/${path}`, version: 1 });
    return;
  }
  // After a returned version with review since turned off there is nothing public that this one amends.
  if (version.amendmentReason === null) {
    await publishPublished(ports, version, agencyName);
    return;
  }
  await ports.events.publish(ReportAmended, {
    ...facts,
    eventId: `ReportAmended/${path}`,
    version: version.version,
    previousVersion: version.version - 1,
    amendmentReason: version.amendmentReason,
  });
}

/** A version becomes public after review (or without a public version before it): `ReportPublished`. */
export async function publishPublished(
  ports: Pick<FilingPorts, 'events'>,
  version: ReportVersion,
  agencyName: string,
): Promise<void> {
  await ports.events.publish(ReportPublished, {
    ...versionFacts(version, agencyName),
    eventId: `ReportPublished/${version.agencyId}/${version.year}/v${version.version}`,
    version: version.version,
    amendmentReason: version.amendmentReason,
    reviewedBy: version.review?.officeId ?? null,
    reviewedAt: version.review?.decidedAt ?? null,
  });
}

function versionFacts(version: ReportVersion, agencyName: string) {
  return {
    submissionId: version.submissionId,
    agencyId: version.agencyId,
    agencyName,
    year: version.year,
    sha256: version.sha256,
    original: version.original,
    canonicalKey: version.canonicalKey,
    acceptedAt: version.acceptedAt,
    publishedOn: version.publishedOn,
    hasWarnings: version.warningCount > 0,
    warningCount: version.warningCount,
    imported: version.imported,
    hasErrors: version.hasErrors,
  };
}

export async function publishRejected(
  ports: Pick<FilingPorts, 'events'>,
  submission: Submission,
  agencyName: string,
): Promise<void> {
  if (!submission.sha256 || !submission.original || !submission.rejectionReason) return;
  const errorCodes = submission.error
    ? [submission.error.code]
    : (submission.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.code);
  await ports.events.publish(SubmissionRejected, {
    eventId: `SubmissionRejected/${submission.submissionId}`,
    submissionId: submission.submissionId,
    agencyId: submission.agencyId,
    agencyName,
    year: submission.year,
    sha256: submission.sha256,
    original: submission.original,
    rejectedAt: submission.decidedAt ?? submission.receivedAt,
    reason: submission.rejectionReason,
    errorCodes: [...new Set(errorCodes)],
    errorCount: errorCodes.length,
  });
}
