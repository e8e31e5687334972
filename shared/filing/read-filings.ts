/** Reading filings back: a submission's receipt, an agency's versions. Strangers see "not found", never "forbidden". */
import { canReadAgency } from '#shared/auth/access.ts';
import type { Principal } from '#shared/auth/principal.ts';
import type { FilingPorts, PageRequest } from '#shared/ports.ts';
import { agencyNotFound, submissionNotFound } from './errors.ts';
import { type Receipt, toReceipt, toVersionView } from './receipt.ts';

export async function getSubmission(
  ports: Pick<FilingPorts, 'submissions'>,
  principal: Principal,
  submissionId: string,
): Promise<Receipt> {
  const submission = await ports.submissions.get(submissionId);
  // Another agency's submission answers exactly like a missing one, so ids cannot be probed.
  if (!submission || !canReadAgency(principal, submission.agencyId)) throw submissionNotFound(submissionId);
  return toReceipt(submission);
}

export async function listAgencyReports(
  ports: Pick<FilingPorts, 'versions'>,
  principal: Principal,
  agencyId: string,
  page: PageRequest,
) {
  if (!canReadAgency(principal, agencyId)) throw agencyNotFound(agencyId);
  const { items, cursor } = await ports.versions.listByAgency(agencyId, page);
  return { agencyId, versions: items.map(toVersionView), ...(cursor ? { cursor } : {}) };
}
