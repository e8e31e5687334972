/**
 * The supervising office reviews the versions its agencies filed where review is on (先备案后公布): it lists what
 * awaits it (`review-queue.ts`), accepts a version (which then becomes public through `ReportPublished`, as a filing without review
 * does at once) or returns it with a reason (e-mailed to the agency; the next filing is a new version).
 *
 * One conditional write decides: the version's review state leaves `awaitingReview` only if it is still there, so
 * of an accept and a return sent at once exactly one wins and the other is told it came too late. Repeating the
 * winning call is harmless — accepting again states the same event again (same `eventId`; consumers de-duplicate),
 * returning again mails only if the first mail never went out — so a caller that lost its answer can retry.
 */
import { canReadAgency } from '#shared/auth/access.ts';
import type { Principal } from '#shared/auth/principal.ts';
import { submissionNotFound } from '#shared/filing/errors.ts';
import { publishPublished } from '#shared/filing/filing-events.ts';
import { nowIso } from '#shared/filing/lease.ts';
import type { ReportVersion, VersionReview } from '#shared/filing/records.ts';
import type {
  AgencyRegistry,
  Clock,
  EventPublisher,
  Mailer,
  OfficeRegistry,
  ReportVersionStore,
  SubmissionStore,
} from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { composeReturnMessage } from './return-message.ts';
import { notUnderReview, reviewDecided } from './review-errors.ts';

export type Office = Extract<Principal, { kind: 'office' }>;
type Reviewed = ReportVersion & { readonly review: VersionReview };

export interface ReviewPorts {
  readonly clock: Clock;
  readonly agencies: Pick<AgencyRegistry, 'get'>;
  readonly submissions: Pick<SubmissionStore, 'get'>;
  readonly versions: Pick<ReportVersionStore, 'get' | 'updateReview' | 'advanceCurrent' | 'listAwaitingReview'>;
}

export interface AcceptPorts extends ReviewPorts {
  readonly events: EventPublisher;
}

export interface ReturnPorts extends ReviewPorts {
  readonly offices: Pick<OfficeRegistry, 'get'>;
  readonly mailer: Mailer;
  /** Base URL of the public site; the mail links to `<siteUrl>/file/`. */
  readonly siteUrl: string;
}

export async function acceptReview(ports: AcceptPorts, office: Office, submissionId: string) {
  const { agency, version } = await reviewTarget(ports, office, submissionId);
  const decided = await decide(ports, version, {
    ...version.review,
    state: 'accepted',
    officeId: office.officeId,
    decidedAt: nowIso(ports.clock),
  });
  if (decided.review.state !== 'accepted') throw reviewDecided(submissionId, decided.review.state);
  await ports.versions.advanceCurrent(decided);
  await publishPublished(ports, decided, agency.name);
  return reviewView(decided, agency);
}

export async function returnReview(ports: ReturnPorts, office: Office, submissionId: string, reason: string) {
  const { agency, version } = await reviewTarget(ports, office, submissionId);
  let decided = await decide(ports, version, {
    ...version.review,
    state: 'returned',
    officeId: office.officeId,
    decidedAt: nowIso(ports.clock),
    reason,
  });
  if (decided.review.state !== 'returned') throw reviewDecided(submissionId, decided.review.state);
  if (decided.review.notifiedAt === null) {
    const officeName = (await ports.offices.get(decided.review.officeId ?? office.officeId))?.name ?? '主管部门';
    const message = composeReturnMessage(
      {
        agencyName: agency.name,
        year: decided.year,
        version: decided.version,
        officeName,
        reason: decided.review.reason ?? reason,
        recipients: agency.contactEmails,
      },
      ports.siteUrl,
    );
    if (message.to.length > 0) await ports.mailer.send(message);
    const notified: VersionReview = { ...decided.review, notifiedAt: nowIso(ports.clock) };
    if (await ports.versions.updateReview(decided, 'returned', notified)) decided = { ...decided, review: notified };
  }
  return reviewView(decided, agency);
}

/** Another office's agency answers exactly like a missing submission, so ids cannot be probed. */
async function reviewTarget(
  ports: ReviewPorts,
  office: Office,
  submissionId: string,
): Promise<{ agency: Agency; version: Reviewed }> {
  const submission = await ports.submissions.get(submissionId);
  const agency = submission ? await ports.agencies.get(submission.agencyId) : null;
  if (!submission || !agency || !canReadAgency(office, agency)) throw submissionNotFound(submissionId);
  const version =
    submission.status === 'accepted' && submission.year !== null && submission.version !== null
      ? await ports.versions.get(submission.agencyId, submission.year, submission.version)
      : null;
  if (!version?.review) throw notUnderReview(submissionId);
  return { agency, version: version as Reviewed };
}

/** Writes the decision if the version still awaits one; otherwise reads back the decision that won. */
async function decide(ports: ReviewPorts, version: Reviewed, review: VersionReview): Promise<Reviewed> {
  if (version.review.state !== 'awaitingReview') return version;
  if (await ports.versions.updateReview(version, 'awaitingReview', review)) return { ...version, review };
  const winner = await ports.versions.get(version.agencyId, version.year, version.version);
  if (!winner?.review) throw new Error(`version ${version.agencyId}/${version.year}/v${version.version} vanished`);
  return winner as Reviewed;
}

function reviewView(version: Reviewed, agency: Agency) {
  return {
    submissionId: version.submissionId,
    agencyId: agency.id,
    agencyName: agency.name,
    year: version.year,
    version: version.version,
    state: version.review.state,
    officeId: version.review.officeId,
    decidedAt: version.review.decidedAt,
    reason: version.review.reason,
    notified: version.review.notifiedAt !== null,
  };
}
