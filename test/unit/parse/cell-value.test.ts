import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCellValue } from '#shared/parse/cell-value.ts';

describe('readCellValue', () => {
  it.each([
    ['0', 0],
    ['22', 22],
    ['1,234', 1234],
    ['7730.28', 7730.28],
    ['-11', -11],
    ['−417', -417],
    ['+5', 5],
    ['-0', 0],
  ])('reads the plain figure %s as %d without a note', (text, value) => {
    expect(readCellValue(text)).toEqual({ kind: 'number', value, annotated: false });
  });

  it.each([
    ['22（其中修订16件）', 22],
    ['55（含自然失效 29 件）', 55],
    ['251000元', 251000],
    ['12.5万元', 12.5],
    ['3 件', 3],
    ['8(含转办2件)', 8],
  ])('reads %s as %d and marks it annotated', (text, value) => {
    expect(readCellValue(text)).toEqual({ kind: 'number', value, annotated: true });
  });

  it.each(['/', '-', '—', '——', '_', '无', '－'.normalize('NFKC')])('reads the placeholder %s as missing', (text) => {
    expect(readCellValue(text)).toEqual({ kind: 'placeholder' });
  });

  it('reads any run of digits as the number it spells, however long', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 22 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, (text) => {
        expect(readCellValue(text)).toEqual({ kind: 'number', value: Number(text), annotated: false });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads an empty cell as blank', () => {
    expect(readCellValue('')).toEqual({ kind: 'blank' });
  });

  it.each(['规章', '1.属于国家秘密', '2、重复申请', '3.其他', '2022年', '本年增/减', '（七）总计', '- 4 -', '0 0'])(
    'reads the label %s as text, not as a figure',
    (text) => {
      expect(readCellValue(text)).toEqual({ kind: 'text' });
    },
  );
});
