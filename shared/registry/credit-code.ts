/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority, organisation type, the six-digit
 * division code, the nine-character organisation code, and a check character over the first seventeen.
 */
import * as z from '#shared/zod.ts';

/** The code's alphabet: digits and capitals without I, O, S, V, Z (GB 32100-2015, 表 2). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Position weights 3^i mod 31 (GB 32100-2015, 5.1). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first seventeen characters call for, or null when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '?');
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

export const CreditCodeSchema = z.lazy(() =>
  z.string().check(
    z.trim(),
    z.overwrite((s) => s.normalize('NFKC').toUpperCase()),
    z.refine(
      isValidCreditCode,
      '统一社会信用代码应为 18 位且校验码正确（GB 32100-2015）/ an 18-character credit code with a valid check character',
    ),
  ),
);
