/** The agency registry as admins keep it (POST/GET/PUT /v1/admin/agencies…, agency tokens). */
import { type IssuedToken, issueToken, revokeToken } from '#shared/auth/tokens.ts';
import type { PageRequest, RegistryPorts } from '#shared/ports.ts';
import { type Agency, AgencySchema } from '#shared/registry/agency.ts';
import { agencyNotFound, FilingError } from './errors.ts';

export async function registerAgency(ports: Pick<RegistryPorts, 'agencies'>, input: unknown): Promise<Agency> {
  const agency = parseAgency(input);
  await ports.agencies.create(agency);
  return agency;
}

/** PUT replaces the whole entry; the id comes from the path, and a body naming another id is refused. */
export async function replaceAgency(
  ports: Pick<RegistryPorts, 'agencies'>,
  agencyId: string,
  input: unknown,
): Promise<Agency> {
  const body = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  if (body.id !== undefined && body.id !== agencyId) {
    throw new FilingError('AGENCY_ID_MISMATCH', {
      zh: `请求体中的机关编号与路径（${agencyId}）不一致`,
      en: `The body's id does not match the path's agency ${agencyId}`,
    });
  }
  const agency = parseAgency({ ...body, id: agencyId });
  await ports.agencies.replace(agency);
  return agency;
}

export async function getAgency(ports: Pick<RegistryPorts, 'agencies'>, agencyId: string): Promise<Agency> {
  const agency = await ports.agencies.get(agencyId);
  if (!agency) throw agencyNotFound(agencyId);
  return agency;
}

export async function listAgencies(ports: Pick<RegistryPorts, 'agencies'>, page: PageRequest) {
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

function parseAgency(input: unknown): Agency {
  const parsed = AgencySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new FilingError(
    'INVALID_REQUEST',
    { zh: '机关登记信息不符合要求', en: 'The agency entry is not valid' },
    { details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } },
  );
}
