/**
 * Where an agency sits in the administrative hierarchy, and so which aggregate shard holds it. The shard is
 * the county-level region: hundreds of agencies at most, so rebuilding one shard costs the same whatever the
 * size of the year. Cities, provinces and the nation are roll-ups of shard summaries.
 *
 * The shard is the registry's `countyOf(regionCode)`: the province and city follow from the code's digits,
 * and their names from the region's full name as registered (广东省韶关市曲江区). A city's or a province's own
 * bodies form a shard of their own beside its counties (`440200s`: 韶关市本级), so no page has two writers.
 * An entry from before codes (no `regionCode`) is placed by its free-text region, split on administrative
 * suffixes, each level coded from its name, so the same name always lands in the same shard.
 */
import { createHash } from 'node:crypto';
import type { Agency } from '#shared/registry/agency.ts';
import { countyOf, divisionLevel } from '#shared/registry/divisions/division-code.ts';

export type RegionLevel = 'nation' | 'province' | 'city' | 'county';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
}

export const NATION: Region = { code: 'cn', name: '全国', level: 'nation' };

/** Province, city and county of an agency (always three levels; a missing level is named as unknown). */
export type RegionPath = readonly [Region, Region, Region];

const UNKNOWN_PROVINCE = '未注明省份';
const UNKNOWN_CITY = '未注明地市';
const MUNICIPALITIES = ['北京市', '天津市', '上海市', '重庆市'];

function nameCode(prefix: string, fullName: string): string {
  return `${prefix}${createHash('sha256').update(fullName).digest('hex').slice(0, 10)}`;
}

/** Names of the three levels as written in the registered full name (广东省韶关市曲江区). */
function splitName(raw: string): { province: string; city: string; county: string } {
  const name = raw.normalize('NFKC').replace(/\s+/g, '');
  const municipality = MUNICIPALITIES.find((m) => name.startsWith(m));
  const province = municipality ?? name.match(/^.+?(?:省|自治区|特别行政区)/)?.[0] ?? '';
  const afterProvince = name.slice(province.length);
  const ownCity = /(?:市|自治州|州|盟|地区)$/.test(afterProvince) ? afterProvince : '';
  const city = municipality ?? afterProvince.match(/^.+?(?:市|自治州|州|盟|地区)(?=.)/)?.[0] ?? ownCity;
  const rest = municipality ? afterProvince : afterProvince.slice(city.length);
  // A township's region names its county first (曲江区马坝镇): the shard is the county.
  const county = rest.match(/^.+?(?:自治县|自治旗|林区|特区|区|县|旗|市)/)?.[0] ?? rest;
  return { province, city, county };
}

function fromCode(regionCode: string, registeredName: string): RegionPath {
  const code = countyOf(regionCode);
  const names = splitName(registeredName);
  const provinceCode = `${code.slice(0, 2)}0000`;
  const province: Region = { code: provinceCode, name: names.province || provinceCode, level: 'province' };
  const level = divisionLevel(code);
  if (level === 'province') {
    return [
      province,
      { code: `${code}p`, name: `${province.name}直属`, level: 'city' },
      { code: `${code}s`, name: `${province.name}本级`, level: 'county' },
    ];
  }
  const cityCode = `${code.slice(0, 4)}00`;
  const city: Region = { code: cityCode, name: names.city || cityCode, level: 'city' };
  if (level === 'prefecture') return [province, city, { code: `${code}s`, name: `${city.name}本级`, level: 'county' }];
  return [province, city, { code, name: names.county || code, level: 'county' }];
}

/** Splits 广东省韶关市曲江区 into its three levels; a name without a level suffix is the county itself. */
function fromName(raw: string): RegionPath {
  const names = splitName(raw);
  const province = names.province || UNKNOWN_PROVINCE;
  const city = names.city || UNKNOWN_CITY;
  // A city's own agencies (region 韶关市) form the city's own shard beside its districts.
  const county = names.county || (names.city ? `${names.city}本级` : raw.normalize('NFKC').replace(/\s+/g, ''));
  return [
    { code: nameCode('p', province), name: province, level: 'province' },
    { code: nameCode('c', `${province}/${city}`), name: city, level: 'city' },
    { code: nameCode('x', `${province}/${city}/${county}`), name: county, level: 'county' },
  ];
}

export type Placed = Pick<Agency, 'region'> & { readonly regionCode?: string | null };

export function regionPathOf(agency: Placed): RegionPath {
  const region = agency.region.trim();
  if (agency.regionCode) return fromCode(agency.regionCode, region);
  return /^\d{6}$/.test(region) ? fromCode(region, '') : fromName(region || '未注明地区');
}

/** The aggregate shard of an agency: its county-level region's code (`countyOf`). */
export function shardOf(agency: Placed): string {
  return regionPathOf(agency)[2].code;
}
