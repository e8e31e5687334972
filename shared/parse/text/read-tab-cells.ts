/**
 * Layout 1 (docs/spec/format-notes.md §5): one table cell per line, tab-indented, a blank line between rows — what a
 * browser's copy of a Word-made HTML table gives (the seed report). A line that is not tab-indented is
 * prose, except right after a cell: browsers keep the line break inside a header cell ("商业\n企业").
 */

import { isValueText } from '../cell-value.ts';
import type { ReadDocument } from '../grid.ts';
import { collectBlocks } from './block-collector.ts';
import { isBlank, isCellLike } from './line-kinds.ts';

/** Header cells split by the copy are a few characters long ("结果\n纠正", "法律服务\n机构"). */
const MAX_CONTINUATION_LENGTH = 12;
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[）)]|\d+[.、])/;

function continuesCell(previous: string | undefined, line: string): boolean {
  const t = line.trim();
  return (
    previous !== undefined &&
    previous.trim() !== '' &&
    !isValueText(previous.trim()) &&
    t.length <= MAX_CONTINUATION_LENGTH &&
    !ENUMERATED.test(t) &&
    !isValueText(t)
  );
}

export function readTabCells(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  let row: string[] = [];
  const endRow = (): void => {
    out.row(row);
    row = [];
  };
  for (const line of lines) {
    if (line.startsWith('\t')) {
      const cell = line.trim();
      if (isCellLike(cell, 100)) {
        row.push(cell);
        continue;
      }
      endRow();
      out.paragraph(cell);
    } else if (isBlank(line)) {
      endRow();
    } else if (continuesCell(row[row.length - 1], line)) {
      row[row.length - 1] += line.trim();
    } else {
      endRow();
      out.paragraph(line);
    }
  }
  endRow();
  return out.finish('text/tab-cells');
}
