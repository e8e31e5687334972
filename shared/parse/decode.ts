/**
 * Bytes → text. Reports arrive as UTF-8 (with or without BOM), as UTF-16 saved by Windows tools, or as
 * GBK/GB18030 from older portals; the encoding is detected from the bytes, never from a file name.
 * The text is then width-normalised once so that every reader and the assembler see one alphabet.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { type LocalizedMessage, ReportParseError } from '../errors.ts';

const UTF8 = new TextDecoder('utf-8');
const GB18030 = new TextDecoder('gb18030');
const UTF16LE = new TextDecoder('utf-16le');
const UTF16BE = new TextDecoder('utf-16be');

/** How much of the input the encoding and binary checks look at: enough to decide, cheap on 10 MiB. */
const SAMPLE_BYTES = 8192;
/** Above these shares of the sample the input is not text (real reports have none at all). */
const MAX_CONTROL_SHARE = 0.01;
const MAX_REPLACEMENT_SHARE = 0.02;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What gave the bytes away as binary: NUL bytes, or a share of control characters. */
function binaryInput(found: LocalizedMessage): ReportParseError {
  return new ReportParseError('BINARY_INPUT', {
    zh: `文件不是文本：${found.zh}，文本文件中不会有这些。请上传报告的文字版（TXT、HTML、Word 或 PDF）。`,
    en: `The file is not text: ${found.en}, which no text file holds. Upload the report as TXT, HTML, Word or PDF.`,
  });
}

const NUL_BYTES = {
  zh: '其中有空字节（0x00），且不是 UTF-16 文本',
  en: 'it holds NUL bytes (0x00) and is not UTF-16 text',
};

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/**
 * UTF-16 without a BOM shows up as NUL bytes on one parity: the high byte of ASCII characters (digits,
 * tabs, line ends). A CJK character whose low byte is 0 (开 U+5F00) puts the odd one on the other side.
 */
function sniffBomlessUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const nulls = even + odd;
  if (nulls < n / 50) return null;
  if (odd >= nulls * 0.75) return 'utf-16le';
  if (even >= nulls * 0.75) return 'utf-16be';
  return null;
}

/** Valid UTF-8 is UTF-8 (GBK text is practically never valid UTF-8); anything else is read as GB18030. */
function decodeUtf8OrGb18030(bytes: Uint8Array): { raw: string; encoding: TextEncoding } {
  // TextDecoder drops a leading BOM itself.
  if (isUtf8(bytes)) return { raw: UTF8.decode(bytes), encoding: 'utf-8' };
  return { raw: GB18030.decode(bytes), encoding: 'gb18030' };
}

/** Decodes by BOM first, then NUL parity (UTF-16 without BOM), then strict UTF-8, else GB18030. */
function decodeBytes(bytes: Uint8Array): { raw: string; encoding: TextEncoding } {
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return { raw: UTF16LE.decode(bytes), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { raw: UTF16BE.decode(bytes), encoding: 'utf-16be' };
  if (bytes.indexOf(0) >= 0) {
    const utf16 = sniffBomlessUtf16(bytes);
    if (utf16 === 'utf-16le') return { raw: UTF16LE.decode(bytes), encoding: utf16 };
    if (utf16 === 'utf-16be') return { raw: UTF16BE.decode(bytes), encoding: utf16 };
    throw binaryInput(NUL_BYTES);
  }
  return decodeUtf8OrGb18030(bytes);
}

/** Control characters (other than tab, line ends and form feed) mark binary input. */
const CONTROL_CHARS = '\u0000-\u0008\u000B\u000E-\u001F\u007F';
const SUSPICIOUS_CHAR = new RegExp(`[${CONTROL_CHARS}\uFFFD]`);

function shareOf(text: string, test: (code: number) => boolean): number {
  const n = Math.min(text.length, SAMPLE_BYTES);
  let hits = 0;
  for (let i = 0; i < n; i++) if (test(text.charCodeAt(i))) hits++;
  return n === 0 ? 0 : hits / n;
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/** Shares are counted only when something suspicious is there. */
function rejectNonText(text: string): void {
  if (!SUSPICIOUS_CHAR.test(text)) return;
  if (text.includes('\u0000')) throw binaryInput(NUL_BYTES);
  const control = shareOf(text, isControl);
  if (control > MAX_CONTROL_SHARE) {
    throw binaryInput({
      zh: `开头部分有 ${percent(control)} 的字符是控制字符（二进制数据）`,
      en: `${percent(control)} of its first characters are control characters (binary data)`,
    });
  }
  const replaced = shareOf(text, (c) => c === 0xfffd);
  if (replaced > MAX_REPLACEMENT_SHARE) {
    const share = percent(replaced);
    throw new ReportParseError('UNDECODABLE_TEXT', {
      zh: `无法识别文件的文字编码：按 UTF-8/UTF-16 和 GBK/GB18030 读，开头部分仍有 ${share} 的字符无法解码。请另存为 UTF-8 文本后再上传。`,
      en: `The text encoding could not be recognised: read as UTF-8/UTF-16 and as GBK/GB18030, ${share} of its first characters still do not decode. Save it as UTF-8.`,
    });
  }
}

/** Characters rarer than NBSP and the ideographic space, which are handled first without a regex. */
const RARE_CHARS =
  '\r\u00AD\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\uFEFF\uFF02-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E';
const NEEDS_NORMALISING = new RegExp(`[${RARE_CHARS}]`);
/** Anything either check below has to look at: clean text passes both in this one scan. */
const UNUSUAL_CHAR = new RegExp(`[${CONTROL_CHARS}\uFFFD${RARE_CHARS}]`);
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const SPACES = /[\u2000-\u200A\u202F\u205F]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/**
 * Full-width ASCII → half-width, except the Chinese punctuation that prose and the template labels use:
 * （ ） ， ： ； ？ ！ stay full-width (they are part of stored text and of labels.ts).
 */
const FULL_WIDTH_ASCII = /[\uFF02-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E]/g;

function toHalfWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/**
 * Width normalisation: full-width digits/letters/symbols → ASCII, NBSP and ideographic spaces → space,
 * zero-width characters removed, CRLF/CR → LF.
 */
export function normaliseText(text: string): string {
  return normaliseRare(normaliseSpaces(text));
}

/** Copies from web pages are full of NBSP; Word indents with ideographic spaces. No regex needed. */
function normaliseSpaces(text: string): string {
  const t = text.includes('\u00a0') ? text.replaceAll('\u00a0', ' ') : text;
  return t.includes('\u3000') ? t.replaceAll('\u3000', ' ') : t;
}

function normaliseRare(text: string): string {
  let t = text;
  if (!NEEDS_NORMALISING.test(t)) return t;
  // Each pass is skipped when its characters are absent (search() ignores a global regex's lastIndex).
  if (t.search(LINE_BREAKS) >= 0) t = t.replace(LINE_BREAKS, '\n');
  if (t.search(SPACES) >= 0) t = t.replace(SPACES, ' ');
  if (t.search(INVISIBLE) >= 0) t = t.replace(INVISIBLE, '');
  if (t.search(FULL_WIDTH_ASCII) >= 0) t = t.replace(FULL_WIDTH_ASCII, toHalfWidth);
  return t;
}

/** Where the one-pass decoder meets a character it leaves to the general path. */
const HAND_BACK = -1;

/**
 * What width normalisation makes of one code unit other than NBSP and the ideographic space: the same
 * character, a replacement, -2 for removed, or HAND_BACK for control characters and U+FFFD (whose shares
 * decide whether the input is text at all). CR is handled by the caller, which sees the next byte.
 */
function normalisedUnit(c: number): number {
  if (c < 0x80) return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0x7f ? HAND_BACK : c;
  if (c < 0x2000) return c === 0xad ? -2 : c;
  if (c <= 0x2060) {
    if (c <= 0x200a || c === 0x202f || c === 0x205f) return 0x20;
    if (c <= 0x200d || c === 0x2060) return -2;
    return c === 0x2028 || c === 0x2029 ? 0x0a : c;
  }
  if (c < 0xfeff) return c;
  if (c === 0xfeff) return -2;
  if (c === 0xfffd) return HAND_BACK;
  // Full-width ASCII except （ ） ， ： ； ？ ！, as FULL_WIDTH_ASCII.
  if (c >= 0xff02 && c <= 0xff5e && c !== 0xff08 && c !== 0xff09 && c !== 0xff0c) {
    if (c !== 0xff1a && c !== 0xff1b && c !== 0xff1f) return c - 0xfee0;
  }
  return c;
}

/**
 * The decoded code units are written to one reused buffer and copied into a string by Node's UCS-2 copy,
 * which costs less than decoding UTF-8 or UTF-16 through ICU (Node 20). Inputs above the limit get a buffer
 * of their own, so a rare large file does not pin its buffer for the life of the process.
 */
const REUSED_UNITS_LIMIT = 1024 * 1024;
let reusedUnits = new Uint16Array(0);

function unitsFor(byteLength: number): Uint16Array {
  if (byteLength > REUSED_UNITS_LIMIT) return new Uint16Array(byteLength);
  if (reusedUnits.length < byteLength) reusedUnits = new Uint16Array(Math.min(REUSED_UNITS_LIMIT, byteLength * 2));
  return reusedUnits;
}

/**
 * Valid UTF-8 (the usual case) decoded and width-normalised in one pass over the bytes, giving exactly what
 * `normaliseRare(normaliseSpaces(UTF8.decode(bytes)))` gives; null when the text holds characters that the
 * binary checks must see.
 */
function decodeNormalisedUtf8(bytes: Uint8Array): string | null {
  const n = bytes.length;
  const units = unitsFor(n);
  let o = 0;
  let i = 0;
  while (i < n) {
    let b = bytes[i] as number;
    // Markup is mostly runs of printable ASCII, copied as they are.
    while (b >= 0x20 && b < 0x7f) {
      units[o++] = b;
      if (++i === n) break;
      b = bytes[i] as number;
    }
    if (i === n) break;
    let c: number;
    if (b < 0x80) {
      i++;
      if (b === 0x0d) {
        if (bytes[i] === 0x0a) i++;
        units[o++] = 0x0a;
        continue;
      }
      c = b;
    } else if (b < 0xe0) {
      c = ((b & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
      i += 2;
      if (c === 0xa0) c = 0x20;
    } else if (b < 0xf0) {
      c = ((b & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
      i += 3;
      if (c === 0x3000) c = 0x20;
      // Chinese text: nothing between U+2061 and U+FEFE but the ideographic space is normalised.
      else if (c > 0x2060 && c < 0xfeff) {
        units[o++] = c;
        continue;
      }
    } else {
      const astral =
        (((b & 0x07) << 18) |
          (((bytes[i + 1] as number) & 0x3f) << 12) |
          (((bytes[i + 2] as number) & 0x3f) << 6) |
          ((bytes[i + 3] as number) & 0x3f)) -
        0x10000;
      i += 4;
      units[o++] = 0xd800 | (astral >> 10);
      units[o++] = 0xdc00 | (astral & 0x3ff);
      continue;
    }
    const unit = normalisedUnit(c);
    if (unit === HAND_BACK) return null;
    if (unit >= 0) units[o++] = unit;
  }
  return Buffer.from(units.buffer, units.byteOffset, o * 2).toString('utf16le');
}

/** Decodes and normalises; throws BINARY_INPUT / UNDECODABLE_TEXT for input that is not text. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  // NUL bytes need no scan of their own here: the one-pass decoder hands them back like any control character.
  if (isUtf8(bytes)) {
    const text = decodeNormalisedUtf8(bytes);
    if (text !== null) return { text, encoding: 'utf-8' };
  }
  const { raw, encoding } = decodeBytes(bytes);
  const text = normaliseSpaces(raw);
  // Clean text (the usual case) is told apart in one scan for both checks below.
  if (!UNUSUAL_CHAR.test(text)) return { text, encoding };
  rejectNonText(text);
  return { text: normaliseRare(text), encoding };
}
