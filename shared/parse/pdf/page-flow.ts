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
  for (const line of lines) {
    const kind = isTableLine(line, bodySize) ? 'table' : 'prose';
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

function isTableLine(line: TextLine, bodySize: number): boolean {
  if (line.size < 0.85 * bodySize) return true;
  if (line.fragments.length < 2) return false;
  if (line.fragments.every((f) => isNumericText(f.text))) return true;
  return line.fragments.some((f, i) => i > 0 && f.x - (line.fragments[i - 1]?.right ?? f.x) > 1.5 * line.size);
}
