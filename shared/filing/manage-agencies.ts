/** The agency registry as admins keep it (POST/GET/PUT /v1/admin/agencies…, agency tokens). */
import { type IssuedToken, issueToken, revokeToken } from '#shared/auth/tokens.ts';
import type { PageRequest, RegistryPorts } from '#shared/ports.ts';
import { type Agency, AgencySchema } from '#shared/registry/agency.ts';
import { selfAndAncestors } from '#shared/registry/divisions/division-code.ts';
import { loadDivisions } from '#shared/registry/divisions/load-divisions.ts';
import { describeUnresolved, resolveRegion } from '#shared/registry/divisions/resolve-region.ts';
import { agencyNotFound, FilingError } from './errors.ts';

type AgencyPorts = Pick<RegistryPorts, 'agencies'>;

export async function registerAgency(ports: AgencyPorts, input: unknown): Promise<Agency> {
  const agency = await placeAgency(ports, parseAgency(input), namesSupervisor(input));
  await ports.agencies.create(agency);
  return agency;
}

/** PUT replaces the whole entry; the id comes from the path, and a body naming another id is refused. */
export async function replaceAgency(ports: AgencyPorts, agencyId: string, input: unknown): Promise<Agency> {
  const body = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  if (body.id !== undefined && body.id !== agencyId) {
    throw new FilingError('AGENCY_ID_MISMATCH', {
      zh: `请求体中的机关编号与路径（${agencyId}）不一致`,
      en: `The body's id does not match the path's agency ${agencyId}`,
    });
  }
  const agency = await placeAgency(ports, parseAgency({ ...body, id: agencyId }), namesSupervisor(body));
  await ports.agencies.replace(agency);
  return agency;
}

export async function getAgency(ports: AgencyPorts, agencyId: string): Promise<Agency> {
  const agency = await ports.agencies.get(agencyId);
  if (!agency) throw agencyNotFound(agencyId);
  return agency;
}

export async function listAgencies(ports: AgencyPorts, page: PageRequest) {
  const { items, cursor } = await ports.agencies.list(page);
  return { agencies: items, ...(cursor ? { cursor } : {}) };
}

export async function issueAgencyToken(ports: RegistryPorts, agencyId: string): Promise<IssuedToken> {
  await getAgency(ports, agencyId);
  return issueToken(ports, { kind: 'agency', agencyId });
}

export async function revokeAgencyToken(ports: RegistryPorts, agencyId: string, tokenId: string) {
  return revokeToken(ports, { kind: 'agency', agencyId }, tokenId);
}

/**
 * Fixes the entry's place: `regionCode` checked against the division table, or, without one, `region` (a name as
 * people write it) resolved to its code; `region` becomes the code's full name. A supervisor left out of the body
 * (not an explicit null) defaults to the government of the region.
 */
async function placeAgency(ports: AgencyPorts, agency: Agency, supervisorNamed: boolean): Promise<Agency> {
  const table = await loadDivisions();
  const written = agency.regionCode ?? agency.region;
  if (written === '') throw invalidAgency([{ path: 'regionCode', message: 'regionCode or region is required' }]);
  const resolved = resolveRegion(table, written);
  if (!resolved.ok) {
    throw new FilingError(
      'REGION_UNKNOWN',
      { zh: describeUnresolved(written, resolved).split(' / ')[0] ?? '', en: `Region "${written}" does not resolve` },
      { details: { region: written, problem: resolved.problem, candidates: resolved.candidates } },
    );
  }
  const placed = { ...agency, regionCode: resolved.code, region: resolved.fullName };
  return supervisorNamed ? placed : { ...placed, supervisorId: await governmentAbove(ports, placed) };
}

/**
 * The nearest registered people's government at or above the agency's region (条例第四十九条: departments file
 * with their own government's office); a government looks one level up. Null when none is registered.
 */
async function governmentAbove(ports: AgencyPorts, agency: Agency & { regionCode: string }): Promise<string | null> {
  const regions = selfAndAncestors(agency.regionCode).slice(agency.kind === 'government' ? 1 : 0);
  for (const region of regions) {
    const government = (await ports.agencies.listAt(region)).find((a) => a.kind === 'government' && a.id !== agency.id);
    if (government) return government.id;
  }
  return null;
}

function namesSupervisor(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as Record<string, unknown>).supervisorId !== undefined;
}

function parseAgency(input: unknown): Agency {
  const parsed = AgencySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidAgency(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

function invalidAgency(issues: { path: string; message: string }[]): FilingError {
  return new FilingError(
    'INVALID_REQUEST',
    { zh: '机关登记信息不符合要求', en: 'The agency entry is not valid' },
    { details: { issues } },
  );
}
