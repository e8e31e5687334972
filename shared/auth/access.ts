/**
 * Which principal may see which agency's filings: an agency its own, an office those of the agencies in its
 * region's subtree, an admin every agency's.
 */
import { isWithinDivision } from '#shared/registry/divisions/division-code.ts';
import type { Principal } from './principal.ts';

export function canReadAgency(principal: Principal, agency: { id: string; regionCode: string | null }): boolean {
  switch (principal.kind) {
    case 'admin':
      return true;
    case 'agency':
      return principal.agencyId === agency.id;
    default:
      return agency.regionCode !== null && isWithinDivision(agency.regionCode, principal.regionCode);
  }
}
