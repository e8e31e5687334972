/**
 * Numbers as a report prints them: plain digits, no grouping, no exponent, and no binary noise from
 * summing decimals (0.1 + 0.2 prints as 0.3).
 */

const PLAIN = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/** Decimal places of a number as parsed from its printed text (7730.28 → 2, 1e-7 → 7). */
export function decimalPlaces(n: number): number {
  // Nearly every figure of a report is a whole number; printing it to count nothing would dominate a check.
  if (Number.isInteger(n) || !Number.isFinite(n)) return 0;
  const [mantissa = '', exponent] = String(n).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Prints a number; `decimals` rounds away float noise when it is the result of arithmetic. */
export function formatNumber(n: number, decimals?: number): string {
  const value = decimals === undefined ? n : Number(n.toFixed(Math.min(decimals, 20)));
  return PLAIN.format(Object.is(value, -0) ? 0 : value);
}
