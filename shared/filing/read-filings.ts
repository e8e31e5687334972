/** Reading filings back: a submission's receipt, an agency's versions. Strangers see "not found", never "forbidden". */
import { canReadAgency } from '#shared/auth/access.ts';
import type { Principal } from '#shared/auth/principal.ts';
import type { AgencyRegistry, FilingPorts, PageRequest } from '#shared/ports.ts';
import { agencyNotFound, submissionNotFound } from './errors.ts';
import { type Receipt, toReceipt, toVersionView } from './receipt.ts';

type ReadPorts = { readonly agencies: Pick<AgencyRegistry, 'get'> };

export async function getSubmission(
  ports: Pick<FilingPorts, 'submissions'> & ReadPorts,
  principal: Principal,
  submissionId: string,
): Promise<Receipt> {
  const submission = await ports.submissions.get(submissionId);
  // Another agency's submission answers exactly like a missing one, so ids cannot be probed.
  if (!submission || !(await mayRead(ports, principal, submission.agencyId))) throw submissionNotFound(submissionId);
  return toReceipt(submission);
}

export async function listAgencyReports(
  ports: Pick<FilingPorts, 'versions'> & ReadPorts,
  principal: Principal,
  agencyId: string,
  page: PageRequest,
) {
  if (!(await mayRead(ports, principal, agencyId))) throw agencyNotFound(agencyId);
  const { items, cursor } = await ports.versions.listByAgency(agencyId, page);
  return { agencyId, versions: items.map(toVersionView), ...(cursor ? { cursor } : {}) };
}

/** Agencies and admins are decided by the token alone; an office by where the agency stands. */
export async function mayRead(ports: ReadPorts, principal: Principal, agencyId: string): Promise<boolean> {
  if (principal.kind !== 'office') return canReadAgency(principal, { id: agencyId, regionCode: null });
  const agency = await ports.agencies.get(agencyId);
  return agency !== null && canReadAgency(principal, agency);
}
