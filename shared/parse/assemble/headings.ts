/**
 * Finds the six part headings (一 总体情况 … 六 其他需要报告的事项) by numeral, keywords and order.
 * Titles vary between reports ("五、政府信息公开工作存在的主要问题及改进情况", "六、其他事项"), and the
 * rows of table 三 look like headings ("三、本年度办理结果", "四、结转下年度继续办理"): a heading must
 * carry its own part's numeral and one of its keywords (labels.ts), and come after the part before it.
 */
import { PART_LABELS } from '#shared/report/labels.ts';
import { type Item, pieceOf } from './items.ts';
import { hasAny, matchForm } from './match-form.ts';

export interface HeadingAt {
  readonly item: number;
}

type Style = 'numbered' | 'bracketed' | 'bare';

interface Candidate extends HeadingAt {
  readonly form: string;
  readonly numeral: string | null;
  readonly style: Style;
}

const NUMBERED = /^第?([一二三四五六七八九十])(?:[、.，,：:]|部分)/;
const BRACKETED = /^（([一二三四五六七八九十])）/;
/** Headings are short and are not sentences (a trailing full stop is tolerated). */
const MAX_HEADING_LENGTH = 40;
const MAX_BARE_HEADING_LENGTH = 30;
const SENTENCE_INSIDE = /[。！？；](?=.)/;
/** Before matching, a generous bound on the printed length (spaces and brackets included). */
const MAX_PRINTED_LENGTH = 2 * MAX_HEADING_LENGTH;
/** The characters a numbered heading starts with, checked before any regex runs on a cell. */
const NUMBERED_START = new Set([...'第一二三四五六七八九十'].map((c) => c.charCodeAt(0)));
/** The span of those characters' code points: figures and most labels fall outside it without a set lookup. */
const NUMBERED_START_MIN = Math.min(...NUMBERED_START);
const NUMBERED_START_MAX = Math.max(...NUMBERED_START);

function headingForm(text: string): string | null {
  if (text.length > MAX_PRINTED_LENGTH) return null;
  const form = matchForm(text);
  return form.length > MAX_HEADING_LENGTH || SENTENCE_INSIDE.test(form) ? null : form;
}

function partOfNumbered(form: string): number {
  const numeral = NUMBERED.exec(form)?.[1];
  if (numeral === undefined) return -1;
  const part = PART_LABELS.findIndex((p) => p.numeral === numeral);
  return part >= 0 && hasAny(form, (PART_LABELS[part] as (typeof PART_LABELS)[number]).keywords) ? part : -1;
}

/** Whether a table cell is a part heading ("二、主动公开政府信息情况"), by the strict numbered rule only. */
function isHeadingCell(cell: string): boolean {
  const first = cell.charCodeAt(0);
  if (!(first >= NUMBERED_START_MIN && first <= NUMBERED_START_MAX && NUMBERED_START.has(first))) return false;
  const form = headingForm(cell);
  return form !== null && partOfNumbered(form) >= 0;
}

/**
 * Readers that cannot tell a heading line from a table cell (one cell per line, space-separated rows)
 * may put a heading inside a row. Such a row is split there, the heading becoming a paragraph. Only a
 * numbered heading with its part's keyword qualifies: rows of table 三 ("三、本年度办理结果",
 * "（六）其他处理") must stay rows.
 */
export function splitAtHeadingCells(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const at = item.kind === 'row' ? item.cells.findIndex(isHeadingCell) : -1;
    if (item.kind === 'paragraph' || at < 0) {
      out.push(item);
      continue;
    }
    let cells: string[] = item.cells.slice(0, at);
    for (let i = at; i < item.cells.length; i++) {
      const cell = item.cells[i] as string;
      if (i > at && !isHeadingCell(cell)) {
        cells.push(cell);
        continue;
      }
      if (cells.some((c) => c !== '')) out.push({ kind: 'row', cells: pieceOf(item.cells, cells) });
      out.push({ kind: 'paragraph', text: cell });
      cells = [];
    }
    if (cells.some((c) => c !== '')) out.push({ kind: 'row', cells: pieceOf(item.cells, cells) });
  }
  return out;
}

/** A part's own printed title, numbered ("二、主动公开政府信息情况"): only these are cut out of running text. */
const NUMBERED_TITLES = PART_LABELS.map((p) => `${p.numeral}、${p.title}`);
const IS_NUMBERED_TITLE: ReadonlySet<string> = new Set(NUMBERED_TITLES);
/**
 * A numbered part title where a crawler's flattened text puts one: at the start of a paragraph or after
 * the sentence before it ends, and followed by a space or the paragraph's end, not by more of a sentence.
 */
const INLINE_TITLE = new RegExp(`(?<=^|[。！？；!?;]\\s*)(?:${NUMBERED_TITLES.join('|')})(?=\\s|$)`, 'g');

/**
 * Text copied or crawled from a web page may run the part headings into the paragraphs around them
 * ("……监督权。 二、主动公开政府信息情况 第二十条……"). A heading is cut out into a paragraph of its own only
 * where it cannot be read otherwise: its full numbered title, after a sentence end, before a space.
 */
export function splitAtInlineHeadings(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    // A heading paragraph of its own (the usual case) stays as it is, without running the regex.
    if (item.kind === 'row' || IS_NUMBERED_TITLE.has(item.text) || !hasInlineTitle(item.text)) {
      out.push(item);
      continue;
    }
    let from = 0;
    for (const match of item.text.matchAll(INLINE_TITLE)) {
      const at = match.index;
      const before = item.text.slice(from, at).trim();
      if (before !== '') out.push({ kind: 'paragraph', text: before });
      out.push({ kind: 'paragraph', text: match[0] });
      from = at + match[0].length;
    }
    const rest = item.text.slice(from).trim();
    if (rest !== '') out.push({ kind: 'paragraph', text: rest });
  }
  return out;
}

/** Cheap test first: most paragraphs hold no part title at all. */
function hasInlineTitle(text: string): boolean {
  if (!NUMBERED_TITLES.some((t) => text.includes(t))) return false;
  // search(), unlike test(), leaves the global regex's lastIndex (where matchAll starts) alone.
  return text.search(INLINE_TITLE) >= 0;
}

function candidateOf(item: Item, index: number): Candidate | null {
  if (item.kind !== 'paragraph') return null;
  const form = headingForm(item.text);
  if (form === null) return null;
  const numbered = NUMBERED.exec(form);
  if (numbered) return { item: index, form, numeral: numbered[1] ?? null, style: 'numbered' };
  const bracketed = BRACKETED.exec(form);
  if (bracketed) return { item: index, form, numeral: bracketed[1] ?? null, style: 'bracketed' };
  if (form.length > MAX_BARE_HEADING_LENGTH) return null;
  return { item: index, form, numeral: null, style: 'bare' };
}

function isHeadingOf(c: Candidate, part: number, style: Style): boolean {
  const label = PART_LABELS[part];
  if (!label || c.style !== style) return false;
  if (style !== 'bare' && c.numeral !== label.numeral) return false;
  return hasAny(c.form, label.keywords);
}

/**
 * One heading paragraph per part, or null. "一、" headings are looked for first, in order; parts still
 * missing are then looked for as "（一）" or unnumbered headings, but only between the headings found
 * around them, so the sub-headings of 总体情况 ("（二）依申请公开…") cannot be taken for a part.
 */
export function findPartHeadings(items: readonly Item[]): (HeadingAt | null)[] {
  const candidates: Candidate[] = [];
  items.forEach((item, i) => {
    const c = candidateOf(item, i);
    if (c) candidates.push(c);
  });
  const found: (number | null)[] = PART_LABELS.map(() => null);
  for (const style of ['numbered', 'bracketed', 'bare'] as const) {
    PART_LABELS.forEach((_, part) => {
      if (found[part] !== null) return;
      const before = found.slice(0, part).findLast((f) => f !== null);
      const after = found.slice(part + 1).find((f) => f !== null);
      const from = before === undefined || before === null ? 0 : before + 1;
      const to = after === undefined || after === null ? candidates.length : after;
      for (let i = from; i < to; i++) {
        if (isHeadingOf(candidates[i] as Candidate, part, style)) {
          found[part] = i;
          break;
        }
      }
    });
  }
  return found.map((i) => {
    const c = i === null ? undefined : candidates[i];
    return c ? { item: c.item } : null;
  });
}
