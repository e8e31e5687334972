/** Supervising offices as admins keep them (POST/GET /v1/admin/offices, office tokens). */
import { type IssuedToken, issueToken } from '#shared/auth/tokens.ts';
import { FilingError } from '#shared/filing/errors.ts';
import type { PageRequest, RegistryPorts } from '#shared/ports.ts';
import { loadDivisions } from '#shared/registry/divisions/load-divisions.ts';
import { type Office, OfficeSchema } from '#shared/registry/office.ts';

export async function registerOffice(ports: Pick<RegistryPorts, 'offices'>, input: unknown): Promise<Office> {
  const parsed = OfficeSchema.safeParse(input);
  if (!parsed.success) {
    throw new FilingError(
      'INVALID_REQUEST',
      { zh: '办公室登记信息不符合要求', en: 'The office entry is not valid' },
      { details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } },
    );
  }
  if (!(await loadDivisions()).get(parsed.data.regionCode)) {
    throw new FilingError('REGION_UNKNOWN', {
      zh: `区划代码 ${parsed.data.regionCode} 不在 2023 年统计用区划代码中`,
      en: `Region code ${parsed.data.regionCode} is not in the 2023 division codes`,
    });
  }
  await ports.offices.create(parsed.data);
  return parsed.data;
}

export async function listOffices(ports: Pick<RegistryPorts, 'offices'>, page: PageRequest) {
  const { items, cursor } = await ports.offices.list(page);
  return { offices: items, ...(cursor ? { cursor } : {}) };
}

/** The token carries the office's region, fixed when it is issued: an office moved to another region gets new tokens. */
export async function issueOfficeToken(ports: RegistryPorts, officeId: string): Promise<IssuedToken> {
  const office = await ports.offices.get(officeId);
  if (!office) {
    throw new FilingError('OFFICE_NOT_FOUND', {
      zh: `未登记的办公室：${officeId}`,
      en: `No registered office ${officeId}`,
    });
  }
  return issueToken(ports, { kind: 'office', officeId, regionCode: office.regionCode });
}
