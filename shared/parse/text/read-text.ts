/** Plain text → blocks, by the layout the content shows. */
import type { ReadDocument } from '../grid.ts';
import { detectTextLayout } from './detect-layout.ts';
import { readCellLines, readPipeCellLines } from './read-cell-lines.ts';
import { readPipeRows } from './read-pipe-rows.ts';
import { readSpaceRows } from './read-space-rows.ts';
import { readTabCells } from './read-tab-cells.ts';
import { readTabRows } from './read-tab-rows.ts';

export function readText(text: string): ReadDocument {
  const lines = text.split('\n');
  switch (detectTextLayout(lines)) {
    case 'tab-cells':
      return readTabCells(lines);
    case 'tab-rows':
      return readTabRows(lines);
    case 'pipe-rows':
      return readPipeRows(lines);
    case 'pipe-cells':
      return readPipeCellLines(lines);
    case 'space-rows':
      return readSpaceRows(lines);
    default:
      return readCellLines(lines);
  }
}
