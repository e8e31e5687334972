/**
 * Layout 4 (docs/spec/format-notes.md §5): one table row per line, cells between pipes — "a | b | c |", markdown
 * "| a | b |" with its "|---|---|" line, padding cells from colspans ("第二十条第(一)项 | |||") and
 * double spaces before pipes. Lines without a pipe are prose.
 */
import type { ReadDocument } from '../grid.ts';
import { collectBlocks } from './block-collector.ts';

const MARKDOWN_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

/** Splits a pipe row; the outer pipes of "| a | b |" delimit the row, they do not add empty cells. */
export function splitPipeRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((c) => c.trim());
}

export function readPipeRows(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || MARKDOWN_SEPARATOR.test(t)) continue;
    if (t.includes('|')) out.row(splitPipeRow(t));
    else out.paragraph(t);
  }
  return out.finish('text/pipe-rows');
}
