/**
 * What awaits an office's review, apart from the decisions (`review-filing.ts`): listing the queue publishes
 * nothing, so the route that lists carries no event contract.
 */
import type { PageRequest } from '#shared/ports.ts';
import type { Office, ReviewPorts } from './review-filing.ts';

/** What awaits the office: versions held for review in its region's subtree, with their agencies' names. */
export async function listAwaitingReview(ports: ReviewPorts, office: Office, page: PageRequest) {
  const { items, cursor } = await ports.versions.listAwaitingReview(office.regionCode, page);
  const names = new Map<string, string>();
  for (const id of new Set(items.map((v) => v.agencyId))) names.set(id, (await ports.agencies.get(id))?.name ?? id);
  const reviews = items.map((v) => ({
    submissionId: v.submissionId,
    agencyId: v.agencyId,
    agencyName: names.get(v.agencyId) ?? v.agencyId,
    regionCode: v.review?.regionCode ?? null,
    year: v.year,
    version: v.version,
    filedAt: v.acceptedAt,
    amendmentReason: v.amendmentReason,
    warningCount: v.warningCount,
    // The filer's reasons for the warnings it kept: what the office weighs before accepting.
    explanations: v.explanations ?? [],
  }));
  return { regionCode: office.regionCode, reviews, ...(cursor ? { cursor } : {}) };
}
