/**
 * Positioned text → blocks in reading order: prose paragraphs and table grids. A run of table-looking
 * lines without a single row of figures (a signature block, a contact line with a wide gap) is prose.
 */
import type { Block } from '../grid.ts';
import { bodySizeOf, splitFlow } from './page-flow.ts';
import { paragraphsOf, proseMargins } from './paragraphs.ts';
import { gridOf } from './table-grid.ts';
import { tableRowsOf } from './table-rows.ts';
import { groupLines, type TextLine } from './text-lines.ts';
import type { TextPiece } from './text-pieces.ts';

export function layoutBlocks(pieces: readonly TextPiece[]): Block[] {
  const lines = groupLines(pieces);
  const bodySize = bodySizeOf(lines);
  const flow = splitFlow(lines, bodySize);
  const margins = proseMargins(flow.flatMap((part) => (part.kind === 'prose' ? part.lines : [])));
  const blocks: Block[] = [];
  const prose = (ls: readonly TextLine[]) => {
    for (const text of paragraphsOf(ls, margins, bodySize)) blocks.push({ kind: 'paragraph', text });
  };
  for (const part of flow) {
    if (part.kind === 'prose') {
      prose(part.lines);
      continue;
    }
    const table = tableRowsOf(part.lines.flatMap((l) => l.fragments));
    if (table.rows.some((r) => r.kind === 'figures')) blocks.push({ kind: 'table', grid: gridOf(table) });
    else prose(part.lines);
  }
  return blocks;
}
