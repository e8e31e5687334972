/** Which principal may see which agency's filings: an agency its own, an admin every agency's. */
import type { Principal } from './principal.ts';

export function canReadAgency(principal: Principal, agencyId: string): boolean {
  return principal.kind === 'admin' || principal.agencyId === agencyId;
}
