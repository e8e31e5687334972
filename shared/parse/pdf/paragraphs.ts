/**
 * Prose lines → paragraphs. Chinese reports indent the first line of a paragraph by two characters and
 * end its last line short; headings ("一、总体情况") are indented, short lines of their own. The title is
 * set larger than the body and may wrap over several centred lines, which stay one paragraph.
 */
import { joinRuns, tidyText } from './piece-text.ts';
import type { TextLine } from './text-lines.ts';

export interface ProseMargins {
  readonly left: number;
  readonly right: number;
}

/** The body text block's edges: where most prose lines start, and where full lines end. */
export function proseMargins(lines: readonly TextLine[]): ProseMargins {
  const starts = new Map<number, number>();
  for (const line of lines) {
    const x = Math.round(line.x);
    starts.set(x, (starts.get(x) ?? 0) + 1);
  }
  const left = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  return { left, right };
}

export function paragraphsOf(lines: readonly TextLine[], margins: ProseMargins, bodySize: number): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let previous: TextLine | undefined;
  for (const line of lines) {
    if (previous && startsParagraph(line, previous, margins, bodySize)) {
      paragraphs.push(current);
      current = '';
    }
    current = joinRuns(current, lineText(line));
    previous = line;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs.map(tidyText).filter((p) => p !== '');
}

function startsParagraph(line: TextLine, previous: TextLine, margins: ProseMargins, bodySize: number): boolean {
  const title = 1.1 * bodySize;
  if (line.size > title && previous.size > title) return Math.abs(line.size - previous.size) > 0.1 * line.size;
  if (Math.abs(line.size - previous.size) > 0.1 * Math.max(line.size, previous.size)) return true;
  if (line.x > margins.left + 1.2 * line.size) return true;
  if (previous.right < margins.right - 1.5 * previous.size) return true;
  return line.page === previous.page && line.top - previous.bottom > 1.5 * line.size;
}

function lineText(line: TextLine): string {
  return line.fragments.reduce((text, f) => joinRuns(text, f.text), '');
}
