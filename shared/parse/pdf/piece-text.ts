/**
 * Text rules for PDF text runs. PDF producers (WPS, Word) space out header words ("商 业 企 业",
 * "结 果 维持"), put spaces between digits and Chinese ("2024 年") and split numbers from their
 * labels, so joining and classifying happens on positioned pieces, never on the default text stream.
 */

const CJK_CHAR =
  '[\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u3000-\\u303f\\u201c\\u201d\\u2018\\u2019]';
/** A space next to a Chinese character or full-width punctuation is layout, not text. */
const SPACE_BESIDE_CJK = new RegExp(`(?<=${CJK_CHAR})\\s+|\\s+(?=${CJK_CHAR})`, 'gu');
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\u00ad|\ufeff/g;

/** Collapses whitespace, drops spaces that only space out Chinese text, maps full-width digits. */
export function tidyText(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .replace(SPACE_BESIDE_CJK, '')
    .trim();
}

/** Joins two runs of text that were laid out one after the other (across a line break or a gap). */
export function joinRuns(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  const needsSpace = /[A-Za-z0-9.,;:%)]$/.test(left) && /^[A-Za-z0-9(]/.test(right);
  return needsSpace ? `${left} ${right}` : left + right;
}

/** A plain figure as printed in a value cell: "3001", "96171.6", "3,001", "−11". */
export function isNumericText(text: string): boolean {
  return /^[-−+]?\d[\d,]*(?:\.\d+)?$/.test(text);
}

/** What reports print for "nothing here" in a value cell (kept as text; the assembler decides). */
export function isPlaceholderText(text: string): boolean {
  return /^(?:[/／\\\-－—–_＿]+|无)$/.test(text);
}

/**
 * True when a label starts with its own enumerator ("（三）", "三、", "1.", "2、"): such a line begins a
 * new cell even when it sits right under another label line.
 */
export function startsWithEnumerator(text: string): boolean {
  return /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.、．]|第[一二三四五六七八九十]+)/.test(
    text,
  );
}

/** True when a label is the first of its level ("（一）", "一、", "1.", "1、"): numbering restarts here. */
export function startsFirstOfLevel(text: string): boolean {
  return /^(?:[（(][一1][）)]|一、|1\s*[.、．])/.test(text);
}

/** Page numbers as printed in footers: "- 4 -", "-1-", "— 12 —", "第 3 页". */
export function isPageNumberText(text: string): boolean {
  return /^(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)$/.test(text);
}
