/**
 * Label matching. Reports print the template's labels with half-width brackets ("(一)"), "1、" for
 * "1.", and spaces ("商 业 企 业"); the stored text keeps what was printed, matching compares this form.
 */
import type { RowLabel } from '#shared/report/labels.ts';

const WHITESPACE = /\s+/g;
const NEEDS_MATCH_FORM = /[\s()、]/;
const NUMBER_COMMA = /(\d)、/g;

/** The form labels are compared in: no whitespace, full-width brackets, "1." for "1、". */
export function matchForm(text: string): string {
  // Most labels are already in match form: one scan decides.
  if (!NEEDS_MATCH_FORM.test(text)) return text;
  let t = text.replace(WHITESPACE, '');
  if (t.includes('(')) t = t.replaceAll('(', '（');
  if (t.includes(')')) t = t.replaceAll(')', '）');
  if (hasNumberComma(t)) t = t.replace(NUMBER_COMMA, '$1.');
  return t;
}

/** Whether a digit comes before some "、": most follow a Chinese numeral ("一、"), which stays as printed. */
function hasNumberComma(text: string): boolean {
  for (let i = text.indexOf('、', 1); i > 0; i = text.indexOf('、', i + 1)) {
    const c = text.charCodeAt(i - 1);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** True when every fragment of one alternative occurs in the (match-form) text. */
export function hasKeywords(form: string, keywords: RowLabel['keywords']): boolean {
  for (const alternative of keywords) {
    let all = true;
    for (const fragment of alternative) {
      if (!form.includes(fragment)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** True when the text contains any of the fragments. */
export function hasAny(form: string, fragments: readonly string[]): boolean {
  for (const f of fragments) if (form.includes(f)) return true;
  return false;
}

/**
 * Finds the template row a printed row stands for, searching forward from `from` (rows come in template
 * order). The leaf label decides; when it matches nothing, the labels above it are joined to it, because
 * long labels wrap over two cells ("（二）部分公开（区分处理的，" / "只计这一情形…）").
 */
/** A wrapped label spans two or three cells; joining more would only invite false matches (and cost). */
const MAX_JOINED_LABELS = 4;

export function matchRow(
  rows: readonly RowLabel[],
  from: number,
  row: { labels: readonly string[]; leafForm: string },
): number {
  const { labels } = row;
  let joined = '';
  for (let i = labels.length - 1; i >= Math.max(0, labels.length - MAX_JOINED_LABELS); i--) {
    joined = i === labels.length - 1 ? row.leafForm : matchForm(labels[i] as string) + joined;
    for (let r = from; r < rows.length; r++) {
      if (hasKeywords(joined, (rows[r] as RowLabel).keywords)) return r;
    }
  }
  return -1;
}
