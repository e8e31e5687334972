import { normaliseText } from '../decode.ts';

/**
 * Text normalisation for HTML text runs. Inline tags join without spaces because Word splits labels
 * mid-word ("一</span><span>、本年新收…", "其</span><span>他"), so all joining happens on raw text here.
 */

/** Placed where a `<br>` or a block boundary sits inside a table cell: it joins without a space. */
export const CELL_JOIN = '\u0000';
const JOIN_CODE = 0;

const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u3000-\\u303f]';
/**
 * Word and CMS editors wrap long source lines, even between two Chinese characters. Browsers drop such a
 * line break between East Asian characters (CSS Text 3 segment-break transformation); we do the same.
 */
const WRAPPED_CJK = new RegExp(`(${CJK})[ \\t\\f]*[\\r\\n][ \\t\\f\\r\\n]*(?=${CJK})`, 'gu');
const JOIN_WITH_SPACES = new RegExp(`\\s*${CELL_JOIN}\\s*`, 'g');
/** Whitespace that collapsing would change: a run of two, or any whitespace but a plain space. */
const UNCOLLAPSED = /\s\s|[^\S ]/;

/** The passes in turn, for any text. */
function normalizeByPasses(raw: string): string {
  // Each pass runs only when its characters are present.
  let text = normaliseText(raw);
  if (text.includes('\n') || text.includes('\r')) text = text.replace(WRAPPED_CJK, '$1');
  if (text.includes(CELL_JOIN)) text = text.replace(JOIN_WITH_SPACES, '');
  if (UNCOLLAPSED.test(text)) text = text.replace(/\s+/g, ' ');
  return text.trim();
}

/**
 * A code unit that no pass changes, removes, or reads as whitespace or a join. Wider than needed (all C0
 * and C1 controls, all of U+2000–U+206F): a false "no" only sends the text through the passes.
 */
function isSettled(c: number): boolean {
  if (c < 0x7f) return c > 0x20;
  if (c <= 0xa0 || c === 0xad || c === 0x1680 || c === 0x180e) return false;
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (c === 0x3000 || c === 0xfeff) return false;
  // Full-width ASCII becomes ASCII, except （ ） ， ： ； ？ ！ (see `normaliseText`).
  if (c >= 0xff02 && c <= 0xff5e) {
    return c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0xff1f;
  }
  return true;
}

/** Characters width normalisation makes a plain space. */
function becomesSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** Characters width normalisation makes a line feed. */
function becomesLineFeed(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

/**
 * The passes' result in one scan, for text made of settled characters and gaps (runs of spaces, line
 * breaks and joins): a gap holding a join goes (the join pass), so does a gap at either end (trimming) and
 * a line-broken gap between two Chinese characters (the wrapped-line pass); any other gap is one space.
 * Null when the text holds anything else, which the passes handle.
 */
function normalizeGaps(raw: string): string | null {
  const n = raw.length;
  let out = '';
  let copiedTo = 0;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (isSettled(c)) {
      i++;
      continue;
    }
    let end = i;
    let join = false;
    let lineFeed = false;
    for (; end < n; end++) {
      const g = raw.charCodeAt(end);
      if (g === JOIN_CODE) join = true;
      else if (becomesLineFeed(g)) lineFeed = true;
      else if (!becomesSpace(g)) break;
    }
    if (end === i) return null;
    const dropped =
      join || i === 0 || end === n || (lineFeed && isCjk(raw.charCodeAt(i - 1)) && isCjk(raw.charCodeAt(end)));
    if (dropped || end > i + 1 || c !== 0x20) {
      out += dropped ? raw.slice(copiedTo, i) : `${raw.slice(copiedTo, i)} `;
      copiedTo = end;
    }
    i = end;
  }
  return copiedTo === 0 ? raw : out + raw.slice(copiedTo);
}

/**
 * Width-normalises (character references such as `&#65297;` only become text after parsing, so decoding
 * cannot have done it), removes joins and wrapped lines, collapses whitespace (&nbsp; included), trims.
 * Most runs of a page (cells such as "12", Word's "<p><span>行政许可</span></p>") take one scan.
 */
export function normalizeInlineText(raw: string): string {
  return normalizeGaps(raw) ?? normalizeByPasses(raw);
}
