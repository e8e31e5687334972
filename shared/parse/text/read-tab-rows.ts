/**
 * Tab-separated rows: one table row per line, cells between tabs — what Word, WPS and LibreOffice put on the
 * clipboard as text, and what a browser's copy of a table gives when its cells hold plain text. Merged cells come
 * repeated or left empty; either way each tab is one column, so no cell moves. A line break inside a cell ("商业\n企业")
 * ends the line early: a short line without tabs right before a row is the head of that row's first cell.
 */
import { isValueText } from '../cell-value.ts';
import type { ReadDocument } from '../grid.ts';
import { collectBlocks } from './block-collector.ts';

/** The head of a header cell cut by its line break is a word or two ("商业", "结果", "法律服务"). */
const MAX_CELL_HEAD = 4;
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[）)]|\d+[.、])/;

function isCellHead(t: string, next: string | undefined): boolean {
  return (
    next?.includes('\t') === true &&
    !next.startsWith('\t') &&
    t.length <= MAX_CELL_HEAD &&
    !ENUMERATED.test(t) &&
    !isValueText(t)
  );
}

export function readTabRows(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  let head = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const t = line.trim();
    if (t === '') {
      if (head !== '') out.paragraph(head);
      head = '';
      continue;
    }
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.trim());
      cells[0] = head + cells[0];
      head = '';
      out.row(cells);
    } else if (isCellHead(t, lines[i + 1])) {
      head += t;
    } else {
      if (head !== '') out.paragraph(head);
      head = '';
      out.paragraph(t);
    }
  }
  if (head !== '') out.paragraph(head);
  return out.finish('text/tab-rows');
}
