import { describe, expect, it } from 'vitest';
import { fitValues } from '#shared/parse/assemble/table-cells.ts';

describe('fitValues', () => {
  it('takes cells as printed when their number is right, blanks included', () => {
    expect(fitValues(['1', '', '3'], 3)).toEqual(['1', '', '3']);
  });

  it('drops blank padding after the figures (colspan copies in pipe rows)', () => {
    expect(fitValues(['120', '', ''], 1)).toEqual(['120']);
    expect(fitValues(['1', '2', '', '', ''], 4)).toEqual(['1', '2', '', '']);
  });

  it('drops blank padding between the label and the figures', () => {
    expect(fitValues(['', '', '120'], 1)).toEqual(['120']);
  });

  it('refuses to guess when padding could be on either side of a blank figure', () => {
    expect(fitValues(['', '1', '2', ''], 3)).toBeNull();
  });

  it('refuses a row with too few cells (a missing last cell is never filled by shifting)', () => {
    expect(fitValues(['1', '2', '3', '4', '5', '6'], 7)).toBeNull();
  });

  it('refuses a row with more figures than columns', () => {
    expect(fitValues(['1', '2', '3', '4'], 3)).toBeNull();
  });

  it('reads an all-blank row as blank cells', () => {
    expect(fitValues(['', '', '', ''], 3)).toEqual(['', '', '']);
  });
});
