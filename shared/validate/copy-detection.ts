/**
 * How much of one text repeats another, for the copy rules (C1, C2): character 5-grams of the texts with
 * spacing, punctuation and figures set aside, the share of this year's 5-grams found in last year's
 * (containment: a report that copies last year's and adds a paragraph still copies it), and the longest
 * passages the two share, cut from the text as printed.
 *
 * Why these choices: Chinese words are one to three characters, so five characters hold a phrase, rarer than
 * any single word yet short enough that a copied sentence with one figure changed still shares most of its
 * 5-grams. Figures are set aside (every run of digits reads as one "#") because a copied report changes its year
 * and its numbers and nothing else. The cost is linear in the text, capped at MAX_COMPARED_CHARS per part.
 */

export const SHINGLE_CHARS = 5;
/** Beyond this many compared characters a part is compared by its beginning only: a bound on time and memory. */
export const MAX_COMPARED_CHARS = 20_000;
/** A shared passage shorter than this (in compared characters) is a stock phrase, not a copied passage. */
export const MIN_PASSAGE_CHARS = 12;
export const MAX_PASSAGES = 3;
export const MAX_PASSAGE_CHARS = 60;

/** The compared characters of a text and, for each, the first and last of the text's code points it stands for. */
export interface ComparedText {
  readonly printed: readonly string[];
  readonly chars: readonly string[];
  readonly first: readonly number[];
  readonly last: readonly number[];
}

const KEPT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

export function comparedText(text: string): ComparedText {
  const printed = Array.from(text);
  const chars: string[] = [];
  const first: number[] = [];
  const last: number[] = [];
  for (let i = 0; i < printed.length && chars.length < MAX_COMPARED_CHARS; i++) {
    const c = printed[i] as string;
    if (!KEPT.test(c)) continue;
    if (DIGIT.test(c)) {
      // A run of digits is one figure: "#" stands for it whatever its length.
      if (chars.at(-1) === '#' && last.at(-1) === i - 1) {
        last[last.length - 1] = i;
        continue;
      }
      chars.push('#');
    } else chars.push(c);
    first.push(i);
    last.push(i);
  }
  return { printed, chars, first, last };
}

function shingleAt(text: ComparedText, i: number): string {
  return text.chars.slice(i, i + SHINGLE_CHARS).join('');
}

export function shingles(text: ComparedText): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE_CHARS <= text.chars.length; i++) set.add(shingleAt(text, i));
  return set;
}

/** The share (0–1) of `current`'s distinct 5-grams that `previous` holds too; 0 for a text too short to have any. */
export function containment(current: ReadonlySet<string>, previous: ReadonlySet<string>): number {
  if (current.size === 0) return 0;
  let shared = 0;
  for (const s of current) if (previous.has(s)) shared++;
  return shared / current.size;
}

/**
 * The longest runs of `current` made of consecutive 5-grams that `previous` holds, longest first, as printed
 * (line breaks as spaces, cut at MAX_PASSAGE_CHARS with "…"). A run is a passage both texts contain, give or
 * take the spacing and figures the comparison sets aside.
 */
export function sharedPassages(current: ComparedText, previous: ReadonlySet<string>): string[] {
  const runs: { start: number; end: number }[] = [];
  let start = -1;
  const last = current.chars.length - SHINGLE_CHARS;
  for (let i = 0; i <= last + 1; i++) {
    const inside = i <= last && previous.has(shingleAt(current, i));
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      runs.push({ start, end: i - 1 + SHINGLE_CHARS });
      start = -1;
    }
  }
  return runs
    .filter((r) => r.end - r.start >= MIN_PASSAGE_CHARS)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    .slice(0, MAX_PASSAGES)
    .map((r) => printedPassage(current, r.start, r.end));
}

function printedPassage(text: ComparedText, start: number, end: number): string {
  const from = text.first[start] ?? 0;
  const to = (text.last[end - 1] ?? from) + 1;
  const passage = text.printed.slice(from, to).join('').replace(/\s+/g, ' ');
  const chars = Array.from(passage);
  return chars.length <= MAX_PASSAGE_CHARS ? passage : `${chars.slice(0, MAX_PASSAGE_CHARS - 1).join('')}…`;
}
