import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '#shared/render/format-number.ts';

const PRINTER = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });
/** How every number was printed before whole and short numbers were printed without ICU. */
const printed = (n: number): string => PRINTER.format(Object.is(n, -0) ? 0 : n);

describe('formatNumber', () => {
  it('prints every number as the plain printer does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }), fc.integer(), fc.double({ min: -1e-5, max: 1e-5 })), (n) => {
        expect(formatNumber(n)).toBe(printed(n));
      }),
      { numRuns: 5000 },
    );
  });

  it('prints what String would write with an exponent or too many decimals in plain digits', () => {
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(0.0000012345678901234567)).toBe(printed(0.0000012345678901234567));
    expect(formatNumber(5e-324)).toBe('0');
  });

  it('prints a whole number, a decimal and minus zero as a report prints them', () => {
    expect(formatNumber(1234567)).toBe('1234567');
    expect(formatNumber(7730.28)).toBe('7730.28');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0.1 + 0.2, 2)).toBe('0.3');
  });
});
