import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { decodeText, normaliseText } from '#shared/parse/decode.ts';

const SAMPLE = '二、主动公开政府信息情况\n规章\t0\n';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof ReportParseError ? e.code : `not a ReportParseError: ${String(e)}`;
  }
  return undefined;
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', 'utf8', {}, 'utf-8'],
    ['UTF-8 with BOM', 'utf8', { addBOM: true }, 'utf-8'],
    ['UTF-16 LE with BOM', 'utf16le', { addBOM: true }, 'utf-16le'],
    ['UTF-16 BE with BOM', 'utf16be', { addBOM: true }, 'utf-16be'],
    ['UTF-16 LE without BOM', 'utf16le', {}, 'utf-16le'],
    ['GBK', 'gbk', {}, 'gb18030'],
    ['GB18030', 'gb18030', {}, 'gb18030'],
  ] as const)('detects %s from the bytes and drops the BOM', (_, encoding, options, detected) => {
    const bytes = new Uint8Array(iconv.encode(SAMPLE, encoding, options));
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: detected });
  });

  it('reads GB18030 four-byte characters', () => {
    const text = '𠀀字报告';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gb18030'))).text).toBe(text);
  });

  it('rejects bytes with NULs that are not UTF-16 as binary input', () => {
    const bytes = new Uint8Array([0x89, 0x00, 0x12, 0x00, 0x00, 0x41, 0x42, 0x00, 0x00, 0x00, 0x07, 0x43]);
    expect(codeOf(() => decodeText(bytes))).toBe('BINARY_INPUT');
  });

  it('rejects text full of control characters as binary input', () => {
    const bytes = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41)));
    expect(codeOf(() => decodeText(bytes))).toBe('BINARY_INPUT');
  });

  it('accepts a form feed and a stray control character in an otherwise long text', () => {
    const text = `${'一、总体情况。'.repeat(200)}\f\u0007`;
    expect(decodeText(new TextEncoder().encode(text)).text).toBe(text);
  });
});

describe('normaliseText', () => {
  it('turns full-width digits, letters and symbols into ASCII', () => {
    expect(normaliseText('２０２２年ＡＢｃ．－／％｜')).toBe('2022年ABc.-/%|');
  });

  it('keeps the full-width punctuation that labels and prose use', () => {
    expect(normaliseText('（一）予以公开，收费：是；否？是！')).toBe('（一）予以公开，收费：是；否？是！');
  });

  it('turns NBSP and ideographic spaces into spaces, removes zero-width characters, unifies line ends', () => {
    expect(normaliseText('\u3000\u3000根据\u00a00\u200b1\u200d2\ufeff\u2060\r\n结束\r完')).toBe('  根据 012\n结束\n完');
  });

  it('returns text that needs nothing unchanged', () => {
    const text = '一、总体情况\n（一）主动公开。';
    expect(normaliseText(text)).toBe(text);
  });
});

describe('decodeText on UTF-8', () => {
  // Every character a normalisation pass or a binary check looks at, around its range boundaries.
  const CODES = [
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1f, 0x20, 0x41, 0x7e, 0x7f, 0x80, 0xa0, 0xad, 0xae, 0x7ff, 0x1fff, 0x2000, 0x200a,
    0x200b, 0x200d, 0x200e, 0x2027, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0x2061, 0x3000, 0x4e00, 0xfefe, 0xfeff,
    0xff01, 0xff02, 0xff07, 0xff08, 0xff09, 0xff0a, 0xff0c, 0xff0d, 0xff10, 0xff19, 0xff1a, 0xff1b, 0xff1c, 0xff1e,
    0xff1f, 0xff20, 0xff5e, 0xff5f, 0xfffd, 0x1f600, 0x20000,
  ];
  const UTF8 = new TextDecoder('utf-8');
  const SUSPICIOUS = new Set([0x0b, 0x1f, 0x7f, 0xfffd]);

  it('gives exactly the decoded text, width-normalised, or the same refusal', () => {
    const text = fc.array(fc.constantFrom(...CODES), { maxLength: 40 }).map((codes) => String.fromCodePoint(...codes));
    fc.assert(
      fc.property(fc.boolean(), text, (bom, t) => {
        const bytes = new TextEncoder().encode(bom ? `\ufeff${t}` : t);
        const refusal = codeOf(() => decodeText(bytes));
        if (refusal !== undefined) {
          expect(refusal).toMatch(/^(BINARY_INPUT|UNDECODABLE_TEXT)$/);
          expect([...t].some((ch) => SUSPICIOUS.has(ch.codePointAt(0) ?? 0))).toBe(true);
          return;
        }
        expect(decodeText(bytes)).toEqual({ text: normaliseText(UTF8.decode(bytes)), encoding: 'utf-8' });
      }),
      { numRuns: 2000 },
    );
  });
});
