import { describe, expect, it } from 'vitest';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { isSameAgencyName } from '#shared/filing/agency-name.ts';
import { getAgency, listAgencies, registerAgency, replaceAgency } from '#shared/filing/manage-agencies.ts';
import { OTHER_AGENCY, SEED_AGENCY } from './seed-report.ts';

describe('the agency registry', () => {
  it('registers an agency with its defaults filled in, and refuses the same id twice', async () => {
    const ports = { agencies: new MemoryAgencyRegistry() };
    const agency = await registerAgency(ports, {
      id: 'maba-town',
      name: '马坝镇人民政府',
      kind: 'township',
      region: '韶关市曲江区',
    });
    expect(agency).toMatchObject({ supervisorId: null, contactEmails: [], deadlineOverride: null });
    await expect(registerAgency(ports, agency)).rejects.toMatchObject({ code: 'AGENCY_EXISTS' });
  });

  it('refuses an invalid entry with INVALID_REQUEST listing the fields', async () => {
    const ports = { agencies: new MemoryAgencyRegistry() };
    await expect(registerAgency(ports, { id: 'Bad Id', name: '' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      details: { issues: expect.arrayContaining([expect.objectContaining({ path: 'id' })]) },
    });
  });

  it('replaces an entry by the id in the path and refuses a body naming another id', async () => {
    const ports = { agencies: new MemoryAgencyRegistry() };
    await registerAgency(ports, SEED_AGENCY);
    const { id: _id, ...body } = { ...SEED_AGENCY, region: '440205' };
    expect(await replaceAgency(ports, SEED_AGENCY.id, body)).toMatchObject({ id: SEED_AGENCY.id, region: '440205' });
    await expect(replaceAgency(ports, SEED_AGENCY.id, { ...body, id: 'other' })).rejects.toMatchObject({
      code: 'AGENCY_ID_MISMATCH',
    });
    await expect(replaceAgency(ports, 'nobody-here', body)).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    await expect(getAgency(ports, 'nobody-here')).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
  });

  it('lists agencies by id a page at a time', async () => {
    const ports = { agencies: new MemoryAgencyRegistry() };
    await registerAgency(ports, SEED_AGENCY);
    await registerAgency(ports, OTHER_AGENCY);
    const first = await listAgencies(ports, { limit: 1 });
    expect(first.agencies.map((a) => a.id)).toEqual([OTHER_AGENCY.id]);
    const second = await listAgencies(ports, { limit: 1, cursor: first.cursor });
    expect(second).toEqual({ agencies: [SEED_AGENCY] });
  });
});

describe('agency names', () => {
  it.each([
    ['韶关市曲江区总工会', '韶关市曲江区总工会'],
    ['韶关市曲江区总工会', ' 韶关市　曲江区 总工会 '],
    ['ＡＢＣ市总工会', 'ABC市总工会'],
  ])('"%s" matches the printed "%s"', (registered, printed) => {
    expect(isSameAgencyName(registered, printed)).toBe(true);
  });

  it('do not match another agency', () => {
    expect(isSameAgencyName('韶关市曲江区总工会', '韶关市曲江区教育局')).toBe(false);
  });
});
