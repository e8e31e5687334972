/**
 * What a printed table cell holds. Real reports print numbers with stray spaces, thousands separators,
 * units ("251000元") and annotations ("22（其中修订16件）"), and mark missing figures with "/", "-",
 * "—", "_" or "无" (docs/spec/format-notes.md §5). A missing cell is never 0.
 */

export type CellValue =
  | { readonly kind: 'blank' }
  | { readonly kind: 'placeholder' }
  | { readonly kind: 'number'; readonly value: number; readonly annotated: boolean }
  | { readonly kind: 'text' };

const BLANK: CellValue = { kind: 'blank' };
const PLACEHOLDER: CellValue = { kind: 'placeholder' };
const TEXT: CellValue = { kind: 'text' };

const PLACEHOLDER_TEXT = /^(?:[/\\_\-−–—―─]+|无|空)$/;
/** First characters of a placeholder: any other label is text without running a regex. */
const PLACEHOLDER_START = new Set([...'/\\_-−–—―─无空'].map((c) => c.charCodeAt(0)));
/** Sign, integer part (optionally with thousands separators), fraction, then whatever follows. */
const NUMBER = /^([+\-−–]?)[ ]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?[ ]?(.*)$/;
/** A unit printed inside the cell; the figure is still the number before it. */
const UNIT = /^(?:万?元|件|个|项|条|次|宗|人次|人|%)$/;
/**
 * A figure whose end was cut off the printed page ("153…": the PDF reader marks a figure its page's clip
 * may have cut short): a value cell whose figure is unknown, like a placeholder, never the digits left.
 */
const CUT_FIGURE = /^[+\-−–]?[\d,.]+…$/;
/** An annotation in brackets after the figure, e.g. （其中修订16件） or （含自然失效 29 件）. */
const ANNOTATION = /^[（(].*[）)]$/;

/** Most printed cells are small plain figures ("0", "12"): those below this share one value each. */
const SHARED_FIGURES = 1000;
const FIGURES: readonly CellValue[] = Array.from({ length: SHARED_FIGURES }, (_, value) => ({
  kind: 'number',
  value,
  annotated: false,
}));
/** Digit runs up to this long are exact as doubles, so adding up their digits reads them as Number() does. */
const MAX_EXACT_DIGITS = 15;

/**
 * A cell of nothing but ASCII digits ("12", "0250"), the most common figure, read without the regex;
 * `undefined` for any other text.
 */
function plainFigure(text: string): CellValue | undefined {
  if (text.length > MAX_EXACT_DIGITS) return undefined;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value < SHARED_FIGURES ? FIGURES[value] : { kind: 'number', value, annotated: false };
}

/** Classifies a cell's (trimmed, width-normalised) text. */
export function readCellValue(text: string): CellValue {
  if (text === '') return BLANK;
  const figure = plainFigure(text);
  if (figure !== undefined) return figure;
  const first = text.charCodeAt(0);
  // Labels start with a letter or bracket, figures with a digit or a sign: most cells are decided here.
  const digitOrSign =
    (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2212 || first === 0x2013;
  if (!digitOrSign || text.length === 1) {
    return PLACEHOLDER_START.has(first) && PLACEHOLDER_TEXT.test(text) ? PLACEHOLDER : TEXT;
  }
  if (text.endsWith('…') && CUT_FIGURE.test(text)) return PLACEHOLDER;
  const m = NUMBER.exec(text);
  if (!m) return PLACEHOLDER_TEXT.test(text) ? PLACEHOLDER : TEXT;
  const [, sign, integer = '', fraction = '', rest = ''] = m;
  if (rest !== '' && !UNIT.test(rest) && !ANNOTATION.test(rest)) return TEXT;
  const magnitude = Number(integer.replaceAll(',', '') + fraction);
  const value = sign === '' || sign === '+' ? magnitude : -magnitude;
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, annotated: rest !== '' };
}

/** A value cell (a figure or a placeholder) as opposed to a label or a blank. */
export function isValueText(text: string): boolean {
  const kind = readCellValue(text).kind;
  return kind === 'number' || kind === 'placeholder';
}

/** A label cell: printed text that is neither a figure nor a placeholder. */
export function isLabelText(text: string): boolean {
  return readCellValue(text).kind === 'text';
}
