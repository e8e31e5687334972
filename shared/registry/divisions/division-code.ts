/**
 * Administrative division codes (统计用区划代码) by their structure alone, with no table: the first six digits
 * follow GB/T 2260 (province 2, prefecture 2, county 2), then township 3 (and village 3, not used here).
 *
 * A region code in the registry is written the way people write it: six digits for a province, prefecture or
 * county (440000, 440200, 440205), nine for a township (440205100). Twelve-digit codes are accepted and shortened.
 */
import * as z from '#shared/zod.ts';

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township';

/** The registry's form of a code, or null when the input is no division code above village level. */
export function normalizeDivisionCode(input: string): string | null {
  const digits = input.trim();
  if (/^\d{12}$/.test(digits)) {
    if (digits.endsWith('000000')) return normalizeDivisionCode(digits.slice(0, 6));
    return digits.endsWith('000') ? normalizeDivisionCode(digits.slice(0, 9)) : null;
  }
  if (/^\d{9}$/.test(digits)) return digits.endsWith('000') ? normalizeDivisionCode(digits.slice(0, 6)) : digits;
  if (/^\d{6}$/.test(digits) && !digits.startsWith('00')) return digits;
  return null;
}

/** A region code as stored: normalised on input, so every comparison below is between equal forms. */
export const RegionCodeSchema = z.lazy(() =>
  z.pipe(
    z.string().check(z.trim()),
    z.transform((value: string, ctx) => {
      const code = normalizeDivisionCode(value);
      if (code === null) {
        ctx.issues.push({
          code: 'custom',
          message: 'a division code of 6, 9 or 12 digits (e.g. 440205)',
          input: value,
        });
        return z.NEVER;
      }
      return code;
    }),
  ),
);

export function divisionLevel(code: string): DivisionLevel {
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'prefecture' : 'county';
}

/** The division one level up by the code's structure, or null for a province. */
export function parentCode(code: string): string | null {
  switch (divisionLevel(code)) {
    case 'township':
      return code.slice(0, 6);
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'prefecture':
      return `${code.slice(0, 2)}0000`;
    default:
      return null;
  }
}

/** The code and every code above it, nearest first (440205100 → 440205100, 440205, 440200, 440000). */
export function selfAndAncestors(code: string): string[] {
  const chain: string[] = [];
  for (let at: string | null = code; at !== null; at = parentCode(at)) chain.push(at);
  return chain;
}

/**
 * The county-level division an agency's region belongs to: its shard key wherever agencies are grouped by
 * place (the public archive's region pages, a county office's view). A township belongs to its county; a
 * region above county level (a city's or a province's own bodies) is its own shard. Pure: needs no table.
 *
 * @example countyOf('440205100') === '440205'; countyOf('440205') === '440205'; countyOf('320800') === '320800'
 */
export function countyOf(regionCode: string): string {
  return regionCode.slice(0, 6);
}

/** The digits every code in the subtree starts with: 44 for 440000, 4402 for 440200, 440205 for 440205. */
export function subtreePrefix(code: string): string {
  const level = divisionLevel(code);
  return code.slice(0, level === 'province' ? 2 : level === 'prefecture' ? 4 : level === 'county' ? 6 : 9);
}

/** True when `code` lies in the subtree of `ancestor` (or is it). */
export function isWithinDivision(code: string, ancestor: string): boolean {
  if (code === ancestor) return true;
  const prefix = subtreePrefix(ancestor);
  return code.length > prefix.length && code.startsWith(prefix);
}
