/**
 * Splits the lines of a document into prose and table runs, in reading order. Report tables are set
 * smaller than the body text and their rows are gapped into cells; prose lines are one run of text in
 * the body size. A table run continues across page breaks (the footer between them is already gone).
 */
import { isNumericText } from './piece-text.ts';
import { dominantSize, type TextLine } from './text-lines.ts';

export type FlowPart =
  | { readonly kind: 'prose'; readonly lines: readonly TextLine[] }
  | { readonly kind: 'table'; readonly lines: readonly TextLine[] };

/** The size of the body text: the size most characters of the document are set in. */
export function bodySizeOf(lines: readonly TextLine[]): number {
  return dominantSize(lines.flatMap((l) => l.fragments));
}

export function splitFlow(lines: readonly TextLine[], bodySize: number): FlowPart[] {
  const parts: { kind: FlowPart['kind']; lines: TextLine[] }[] = [];
  const table = lines.map((line) => isTableLine(line, bodySize));
  mendWrappedCells(lines, table);
  for (const [i, line] of lines.entries()) {
    const kind = table[i] ? 'table' : 'prose';
    const last = parts.at(-1);
    if (last?.kind === kind) last.lines.push(line);
    else parts.push({ kind, lines: [line] });
  }
  return parts;
}

/**
 * The pages whose text has table lines with figures in them: the pages worth drawing for their table
 * lines (a report's tables fill two to four of its pages).
 */
export function tablePagesOf(lines: readonly TextLine[]): Set<number> {
  const pages = new Set<number>();
  for (const part of splitFlow(lines, bodySizeOf(lines))) {
    if (part.kind !== 'table') continue;
    for (const line of part.lines) {
      if (line.fragments.some((f) => isNumericText(f.text))) pages.add(line.page);
    }
  }
  return pages;
}

/** Lines of one cell a wrapped label can add between two table lines ("行政机关不" / "再处理其" / …). */
const MAX_WRAPPED_LINES = 8;

/**
 * Lines between two table lines, right under the one before or right over the one after and each
 * right under the other, are the wrapped rest of cells (a label's next lines in a table set in the body size:
 * "理结果", "取信息"), not a paragraph cutting the table.
 */
function mendWrappedCells(lines: readonly TextLine[], table: boolean[]): void {
  // Lines in reading order: the last line of a page and the first of the next are as close as lines get.
  const gap = (upper: TextLine, lower: TextLine) => {
    if (upper.page === lower.page) return (lower.top - upper.bottom) / Math.max(upper.size, lower.size);
    return lower.page === upper.page + 1 ? 0 : Number.POSITIVE_INFINITY;
  };
  const close = (upper: TextLine, lower: TextLine) => gap(upper, lower) <= 1.2;
  const figuresLeft = (line: TextLine | undefined) =>
    Math.min(...(line?.fragments ?? []).flatMap((f) => (isNumericText(f.text) ? [f.x] : [])));
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    const before = lines[i - 1] as TextLine;
    // A label's first line reaching down beside the figures of its table line below belongs to the table.
    if (
      !table[i - 1] &&
      table[i] &&
      gap(before, line) < 0 &&
      before.fragments.every((f) => f.right < figuresLeft(line))
    ) {
      table[i - 1] = true;
    }
    if (table[i] || !table[i - 1]) continue;
    const next = table.indexOf(true, i);
    // Labels wrap left of the figures: a line reaching over the figures' columns (a header, a title) is not one.
    const left = Math.min(figuresLeft(before), figuresLeft(lines[next]));
    let j = i;
    while (j < lines.length && j - i < MAX_WRAPPED_LINES && !table[j]) {
      const line = lines[j] as TextLine;
      if (line.fragments.some((f) => f.right >= left || isNumericText(f.text))) break;
      if (j > i && !close(lines[j - 1] as TextLine, line)) break;
      j++;
    }
    const first = lines[i] as TextLine;
    const last = lines[j - 1] as TextLine;
    const after = lines[j];
    const wrapped =
      j > i &&
      // A label's last line beside its figures, or a run the next table line follows close by.
      (gap(before, first) < 0 ||
        (after !== undefined &&
          table[j] === true &&
          (close(before, first) || close(last, after)) &&
          gap(before, first) <= 3 &&
          gap(last, after) <= 3));
    if (wrapped) for (let k = i; k < j; k++) table[k] = true;
  }
}

function isTableLine(line: TextLine, bodySize: number): boolean {
  if (line.size < 0.85 * bodySize) return true;
  if (line.fragments.every((f) => isNumericText(f.text))) return true;
  if (line.fragments.length < 2) return false;
  // A figure set apart from the text before it is a value cell beside its label, however narrow the table.
  return line.fragments.some((f, i) => {
    const gap = f.x - (line.fragments[i - 1]?.right ?? f.x);
    return i > 0 && (gap > 1.5 * line.size || (gap > 0.8 * line.size && isNumericText(f.text)));
  });
}
