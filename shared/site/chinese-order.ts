/**
 * The one order of every list the public site prints — regions, agencies within a region, search results:
 * names in Chinese collation (`Intl.Collator('zh-CN')`, pinyin order, as readers expect a 目录), numbers in
 * names by value, ties broken by the id so the order is total and the same in every build.
 */
let collator: Intl.Collator | undefined;

/**
 * Built at the first comparison: a zh-CN collator loads ICU's collation tables (about 5 ms), which the
 * functions that import an ordering only beside the index keys they use never need.
 */
function chineseCollator(): Intl.Collator {
  collator ??= new Intl.Collator('zh-CN', { numeric: true });
  return collator;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Named {
  readonly name: string;
  readonly code: string;
}

/** Two names in Chinese collation, then their ids. */
export function compareChinese(aName: string, aId: string, bName: string, bId: string): number {
  return chineseCollator().compare(aName, bName) || byId(aId, bId);
}

/** Regions by name. */
export const byRegionName = (a: Named, b: Named): number => compareChinese(a.name, a.code, b.name, b.code);

/** Agencies by name, within whatever grouping the caller sorted first. */
export const byAgencyName = (
  a: { readonly agencyName: string; readonly agencyId: string },
  b: { readonly agencyName: string; readonly agencyId: string },
): number => compareChinese(a.agencyName, a.agencyId, b.agencyName, b.agencyId);

/** Region paths (province, city, county) level by level, so a region's members stay together. */
export function byRegionPath(a: readonly Named[], b: readonly Named[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const c = chineseCollator().compare((a[i] as Named).name, (b[i] as Named).name);
    if (c !== 0) return c;
  }
  return byId(a.map((r) => r.code).join('/'), b.map((r) => r.code).join('/'));
}
