import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '#shared/parse/decode.ts';
import { CELL_JOIN, normalizeInlineText } from '#shared/parse/html/inline-text.ts';

/** The normalisation spelled out as its passes, one regex each: what the one-scan path must agree with. */
function byPasses(raw: string): string {
  const cjk = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u3000-\\u303f]';
  return normaliseText(raw)
    .replace(new RegExp(`(${cjk})[ \\t\\f]*[\\r\\n][ \\t\\f\\r\\n]*(?=${cjk})`, 'gu'), '$1')
    .replace(new RegExp(`\\s*${CELL_JOIN}\\s*`, 'g'), '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Characters each pass treats specially, and ordinary ones around them. */
const unit = fc.constantFrom(
  ...['a', '1', '中', '文', '、', '（', '）', '：', '１', 'Ａ', '＂', 'ｱ', '⺀', '〿', '豈', '︰', '😀', '\ud83d'],
  ...[' ', ' ', '\t', '\n', '\r', '\r\n', '\f', '\v', CELL_JOIN, CELL_JOIN, '\u00a0', '\u3000', '\u2028', '\u2029'],
  ...['\u2003', '\u202f', '\u205f', '\u200b', '\u00ad', '\u2060', '\ufeff', '\u1680', '\u180e', '\u0085', '\u0001'],
);

describe('normalizeInlineText', () => {
  it('gives what the passes give, for any mix of text, spaces, line breaks and joins', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 14 }), (units) => {
        const raw = units.join('');
        expect(normalizeInlineText(raw)).toBe(byPasses(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps settled text as it is and reads Word cells and wrapped lines in one scan', () => {
    expect(normalizeInlineText('行政许可')).toBe('行政许可');
    expect(normalizeInlineText(`\n ${CELL_JOIN}上一年项目数量\n `)).toBe('上一年项目数量');
    expect(normalizeInlineText('政府信\r\n息公开，共\n12\n件')).toBe('政府信息公开，共 12 件');
    expect(normalizeInlineText('\u3000\u3000全年\u00a0公开')).toBe('全年 公开');
  });
});
