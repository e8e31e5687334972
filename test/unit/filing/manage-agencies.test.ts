import { describe, expect, it } from 'vitest';
import { MemoryAgencyRegistry } from '#shared/adapters/memory/memory-agency-registry.ts';
import { isSameAgencyName } from '#shared/filing/agency-name.ts';
import { getAgency, listAgencies, registerAgency, replaceAgency } from '#shared/filing/manage-agencies.ts';
import { creditCodeCheckCharacter, isValidCreditCode } from '#shared/registry/credit-code.ts';
import { matchSignedName } from '#shared/registry/signed-name.ts';
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
    expect(agency).toMatchObject({
      regionCode: '440205',
      region: '广东省韶关市曲江区',
      supervisorId: null,
      aliases: [],
      creditCode: null,
      contactEmails: [],
      deadlineOverride: null,
    });
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
    const { id: _id, ...body } = { ...SEED_AGENCY, regionCode: '440205100' };
    expect(await replaceAgency(ports, SEED_AGENCY.id, body)).toMatchObject({
      id: SEED_AGENCY.id,
      regionCode: '440205100',
      region: '广东省韶关市曲江区马坝镇',
    });
    await expect(replaceAgency(ports, SEED_AGENCY.id, { ...body, id: 'other' })).rejects.toMatchObject({
      code: 'AGENCY_ID_MISMATCH',
    });
    await expect(replaceAgency(ports, 'nobody-here', body)).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    await expect(getAgency(ports, 'nobody-here')).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
  });

  it('refuses a region code outside the table and a region name that does not resolve to one code', async () => {
    const ports = { agencies: new MemoryAgencyRegistry() };
    const base = { id: 'some-bureau', name: '某局', kind: 'department' };
    await expect(registerAgency(ports, { ...base, regionCode: '449999' })).rejects.toMatchObject({
      code: 'REGION_UNKNOWN',
    });
    await expect(registerAgency(ports, { ...base, region: '朝阳区' })).rejects.toMatchObject({
      code: 'REGION_UNKNOWN',
      details: { problem: 'ambiguous', candidates: expect.arrayContaining(['北京市朝阳区（110105）']) },
    });
    await expect(registerAgency(ports, { ...base, regionCode: '4402' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(registerAgency(ports, base)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('defaults the supervisor to the government of the region, one level up for a government', async () => {
    const ports = { agencies: new MemoryAgencyRegistry() };
    const city = await registerAgency(ports, {
      id: 'shaoguan',
      name: '韶关市人民政府',
      kind: 'government',
      region: '韶关市',
    });
    const county = await registerAgency(ports, {
      id: 'qujiang',
      name: '韶关市曲江区人民政府',
      kind: 'government',
      region: '曲江区',
    });
    const bureau = await registerAgency(ports, {
      id: 'qj-edu',
      name: '韶关市曲江区教育局',
      kind: 'department',
      regionCode: '440205',
    });
    const town = await registerAgency(ports, {
      id: 'maba',
      name: '马坝镇人民政府',
      kind: 'township',
      region: '曲江区马坝镇',
    });
    const own = await registerAgency(ports, {
      id: 'qj-audit',
      name: '审计局',
      kind: 'department',
      regionCode: '440205',
      supervisorId: null,
    });
    expect([city, county, bureau, town, own].map((a) => a.supervisorId)).toEqual([
      null,
      'shaoguan',
      'qujiang',
      'qujiang',
      null,
    ]);
  });

  it('checks the credit code’s check character (GB 32100-2015)', async () => {
    const first17 = '11440205MB2C12345';
    const valid = `${first17}${creditCodeCheckCharacter(first17)}`;
    expect(isValidCreditCode(valid)).toBe(true);
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode(`${first17}I`)).toBe(false);
    const ports = { agencies: new MemoryAgencyRegistry() };
    const base = { id: 'qj-edu', name: '韶关市曲江区教育局', kind: 'department', regionCode: '440205' };
    expect(await registerAgency(ports, { ...base, creditCode: valid.toLowerCase() })).toMatchObject({
      creditCode: valid,
    });
    await expect(registerAgency(ports, { ...base, id: 'x-2', creditCode: '91350100M000100Y44' })).rejects.toMatchObject(
      {
        code: 'INVALID_REQUEST',
        details: { issues: [expect.objectContaining({ path: 'creditCode' })] },
      },
    );
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

describe('signed names', () => {
  const hongze = { name: '淮安市洪泽区人民政府', aliases: [] };
  const chain = ['江苏省', '淮安市', '洪泽区'];

  it.each(['淮安市洪泽区人民政府', '洪泽区人民政府', '江苏省淮安市洪泽区人民政府', '江苏省洪泽区人民政府'])(
    'files %s under 淮安市洪泽区人民政府 (same name with region prefixes removed)',
    (signed) => {
      expect(matchSignedName(hongze, signed, chain).matched).toBe(true);
    },
  );

  it('matches an alias without the region table, and never a neighbour or the city', () => {
    expect(matchSignedName({ ...hongze, aliases: ['洪泽区政府'] }, '洪泽区政府', null)).toEqual({
      matched: true,
      by: 'alias',
    });
    expect(matchSignedName(hongze, '淮安市人民政府', chain).matched).toBe(false);
    expect(matchSignedName(hongze, '人民政府', chain).matched).toBe(false);
    expect(matchSignedName({ name: '淮安市人民政府', aliases: [] }, '人民政府', ['江苏省', '淮安市']).matched).toBe(
      false,
    );
  });

  it('says which names were tried', () => {
    expect(matchSignedName({ ...hongze, aliases: ['洪泽区政府'] }, '淮阴区人民政府', chain)).toEqual({
      matched: false,
      tried: ['淮安市洪泽区人民政府', '洪泽区政府', '洪泽区人民政府'],
    });
  });
});
