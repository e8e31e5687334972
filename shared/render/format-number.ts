/**
 * Numbers as a report prints them: plain digits, no grouping, no exponent, and no binary noise from
 * summing decimals (0.1 + 0.2 prints as 0.3).
 */

/**
 * The printer for the numbers `String` would write with an exponent or more than 20 decimals. Building an
 * `Intl.NumberFormat` loads ICU's number data (about 9 ms of CPU, a quarter of a function's cold start), and
 * nearly every figure of a report is a whole number, which `String` prints the same way: so it is built only
 * when such a number comes.
 */
let plain: Intl.NumberFormat | undefined;

/** The most decimals a figure prints with (`maximumFractionDigits`). */
const MAX_DECIMALS = 20;

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
  const value = decimals === undefined ? n : Number(n.toFixed(Math.min(decimals, MAX_DECIMALS)));
  // `String` writes the shortest digits that read back as the number, as the printer does, and `-0` as 0.
  const text = String(value);
  if (Number.isFinite(value) && !text.includes('e')) {
    const point = text.indexOf('.');
    if (point === -1 || text.length - point - 1 <= MAX_DECIMALS) return text;
  }
  plain ??= new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: MAX_DECIMALS });
  return plain.format(value);
}
