import { normaliseText } from '../decode.ts';

/**
 * Text normalisation for HTML text runs. Inline tags join without spaces because Word splits labels
 * mid-word ("一</span><span>、本年新收…", "其</span><span>他"), so all joining happens on raw text here.
 */

/** Placed where a `<br>` or a block boundary sits inside a table cell: it joins without a space. */
export const CELL_JOIN = '\u0000';

const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u3000-\\u303f]';
/**
 * Word and CMS editors wrap long source lines, even between two Chinese characters. Browsers drop such a
 * line break between East Asian characters (CSS Text 3 segment-break transformation); we do the same.
 */
const WRAPPED_CJK = new RegExp(`(${CJK})[ \\t\\f]*[\\r\\n][ \\t\\f\\r\\n]*(?=${CJK})`, 'gu');
const JOIN_WITH_SPACES = new RegExp(`\\s*${CELL_JOIN}\\s*`, 'g');
/** Whitespace that collapsing would change: a run of two, or any whitespace but a plain space. */
const UNCOLLAPSED = /\s\s|[^\S ]/;

/**
 * Width-normalises (character references such as `&#65297;` only become text after parsing, so decoding
 * cannot have done it), removes joins and wrapped lines, collapses whitespace (&nbsp; included), trims.
 */
export function normalizeInlineText(raw: string): string {
  // Each pass runs only when its characters are present: most runs of a page need none of them.
  let text = normaliseText(raw);
  if (text.includes('\n') || text.includes('\r')) text = text.replace(WRAPPED_CJK, '$1');
  if (text.includes(CELL_JOIN)) text = text.replace(JOIN_WITH_SPACES, '');
  if (UNCOLLAPSED.test(text)) text = text.replace(/\s+/g, ' ');
  return text.trim();
}
