/**
 * Splits the item sequence into the report's parts. Headings decide where they can; when the heading
 * of a table part is missing, the table is found by what its own rows say (自然人 / 新收 for 表三,
 * 行政复议 / 结果维持 for 表四), so its rows never land in the neighbouring table.
 */
import type { TextPartKey } from '#shared/report/labels.ts';
import { findPartHeadings, splitAtHeadingCells, splitAtInlineHeadings } from './headings.ts';
import { type Item, linesOf, type PrintedRow } from './items.ts';
import { hasAny, matchForm } from './match-form.ts';

export type Rows = readonly PrintedRow[];

export interface Sections {
  /** Lines before the first part (title and preamble). */
  readonly front: readonly string[];
  readonly text: Readonly<Record<Exclude<TextPartKey, 'preamble'>, readonly string[]>>;
  /** The text parts whose heading was not found. */
  readonly missingParts: readonly Exclude<TextPartKey, 'preamble'>[];
  /** The text part that runs to the end of the document (where the signature and date are). */
  readonly lastPart: Exclude<TextPartKey, 'preamble'> | null;
  readonly proactive: Rows;
  readonly applications: Rows;
  readonly reviews: Rows;
  /** Per part, in order, whether its heading was found. */
  readonly headings: readonly boolean[];
  /** The last lines of the whole document, wherever they fall. */
  readonly tail: readonly string[];
}

const TABLE_3_MARKERS = ['自然人', '申请人情况', '新收', '上年结转', '勾稽'];
const TABLE_4_MARKERS = ['行政复议', '复议后起诉', '直接起诉', '结果维持'];
const TAIL_LINES = 4;

/** Items without the heading paragraphs (they are no part's content). */
function withoutHeadings(items: readonly Item[], headings: ReturnType<typeof findPartHeadings>): (Item | null)[] {
  const out: (Item | null)[] = [...items];
  for (const h of headings) if (h) out[h.item] = null;
  return out;
}

function firstIndex(items: readonly (Item | null)[], from: number, to: number, test: (item: Item) => boolean) {
  for (let i = from; i < to; i++) {
    const item = items[i];
    if (item && test(item)) return i;
  }
  return null;
}

function rowHas(markers: readonly string[]) {
  return (item: Item): boolean =>
    item.kind === 'row' && item.cells.some((c) => c !== '' && hasAny(matchForm(c), markers));
}

function rowsIn(items: readonly (Item | null)[], from: number, to: number): Rows {
  const rows: PrintedRow[] = [];
  for (let i = from; i < to; i++) {
    const item = items[i];
    if (item?.kind === 'row') rows.push(item.cells);
  }
  return rows;
}

function linesIn(items: readonly (Item | null)[], from: number, to: number): string[] {
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    const item = items[i];
    // A loop, not push(...cells): a pasted table can make one row of millions of cells.
    if (item) for (const line of linesOf(item)) lines.push(line);
  }
  return lines;
}

function tailOf(items: readonly Item[]): string[] {
  const tail: string[] = [];
  for (let i = items.length - 1; i >= 0 && tail.length < TAIL_LINES; i--) {
    tail.unshift(...linesOf(items[i] as Item).slice(-TAIL_LINES));
  }
  return tail.slice(-TAIL_LINES);
}

export function splitSections(printed: readonly Item[]): Sections {
  const items = splitAtInlineHeadings(splitAtHeadingCells(printed));
  const headings = findPartHeadings(items);
  const content = withoutHeadings(items, headings);
  const at = headings.map((h) => h?.item ?? null);
  const end = items.length;
  const nextAfter = (part: number): number => at.slice(part + 1).find((x) => x !== null) ?? end;
  const part = (k: number): number | null => at[k] ?? null;
  const [h1, h2, h3, h4, h5, h6] = [part(0), part(1), part(2), part(3), part(4), part(5)] as const;

  const overviewFrom = h1 ?? 0;
  const zoneFrom = h2 ?? firstIndex(content, overviewFrom, nextAfter(1), (i) => i.kind === 'row') ?? nextAfter(1);
  const zoneTo = h5 ?? h6 ?? end;
  const t3 = h3 ?? firstIndex(content, zoneFrom, h4 ?? zoneTo, rowHas(TABLE_3_MARKERS)) ?? h4 ?? zoneTo;
  const t4 = h4 ?? firstIndex(content, t3 < zoneTo ? t3 : zoneFrom, zoneTo, rowHas(TABLE_4_MARKERS)) ?? zoneTo;

  const firstPart = Math.min(at.find((x) => x !== null) ?? end, zoneFrom);
  const overviewTo = Math.min(nextAfter(0), zoneFrom > overviewFrom ? zoneFrom : end);
  const text = {
    overview: h1 === null ? [] : linesIn(content, h1, overviewTo),
    problemsAndImprovements: h5 === null ? [] : linesIn(content, h5, nextAfter(4)),
    otherMatters: h6 === null ? [] : linesIn(content, h6, end),
  };
  const missingParts = (['overview', 'problemsAndImprovements', 'otherMatters'] as const).filter(
    (_, i) => [h1, h5, h6][i] === null,
  );
  const lastPart = h6 !== null ? 'otherMatters' : h5 !== null ? 'problemsAndImprovements' : null;
  return {
    front: linesIn(content, 0, firstPart),
    text,
    missingParts,
    lastPart,
    proactive: rowsIn(content, zoneFrom, Math.min(t3, t4)),
    applications: rowsIn(content, t3, t4),
    reviews: rowsIn(content, t4, zoneTo),
    headings: at.map((x) => x !== null),
    tail: tailOf(items),
  };
}
