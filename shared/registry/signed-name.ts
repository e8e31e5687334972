/**
 * Whether the name a report is signed with is the registered agency's. Reports sign with the name as the agency
 * uses it locally, often without the city (洪泽区人民政府 for 淮安市洪泽区人民政府), so besides the registered
 * name and its aliases, both sides are compared with their leading region names reduced to the nearest one.
 */
import { normalizeAgencyName } from '#shared/filing/agency-name.ts';
import type { Agency } from './agency.ts';

export type SignedNameMatch =
  | { readonly matched: true; readonly by: 'name' | 'alias' | 'region' }
  | { readonly matched: false; readonly tried: readonly string[] };

/**
 * `regionNames`: the agency's region from the province down (江苏省, 淮安市, 洪泽区), or null when unknown; the
 * region comparison is skipped without it, so callers can try the cheap comparisons before loading the table.
 */
export function matchSignedName(
  agency: Pick<Agency, 'name' | 'aliases'>,
  signed: string,
  regionNames: readonly string[] | null,
): SignedNameMatch {
  const printed = normalizeAgencyName(signed);
  const registered = normalizeAgencyName(agency.name);
  const aliases = agency.aliases.map(normalizeAgencyName);
  if (printed === registered) return { matched: true, by: 'name' };
  if (aliases.includes(printed)) return { matched: true, by: 'alias' };
  if (regionNames === null || regionNames.length === 0) return { matched: false, tried: [registered, ...aliases] };
  const core = (name: string) => withNearestRegionOnly(name, regionNames);
  const cores = [...new Set([registered, ...aliases].map(core))];
  if (cores.includes(core(printed))) return { matched: true, by: 'region' };
  return { matched: false, tried: [...new Set([registered, ...aliases, ...cores])] };
}

/** 江苏省淮安市洪泽区人民政府 → 洪泽区人民政府: leading region names dropped down to the last one present. */
function withNearestRegionOnly(name: string, regionNames: readonly string[]): string {
  let rest = name;
  let nearest: string | null = null;
  for (const region of regionNames) {
    if (rest.startsWith(region) && rest.length > region.length) {
      rest = rest.slice(region.length);
      nearest = region;
    }
  }
  return nearest === null ? name : nearest + rest;
}
