/**
 * Positioned text and table lines → blocks in reading order: prose paragraphs and table grids. Tables
 * drawn with rules are read by their lattice (`ruled-tables.ts`); table-looking lines without rules are read
 * by their geometry (`band-rows.ts`), and a run of them without a single row of figures (a signature block, a
 * contact line with a wide gap) is prose.
 */
import type { Block } from '../grid.ts';
import { bandRowsOf } from './band-rows.ts';
import { bodySizeOf, type FlowPart, splitFlow } from './page-flow.ts';
import { type ProseMargins, paragraphsOf, proseMargins } from './paragraphs.ts';
import { ruledTablesOf } from './ruled-tables.ts';
import { gridOf } from './table-grid.ts';
import type { Rule } from './table-rules.ts';
import { groupLines, type TextLine } from './text-lines.ts';
import type { TextPiece } from './text-pieces.ts';

interface PlacedBlock {
  readonly top: number;
  readonly block: Block;
}

export function layoutBlocks(pieces: readonly TextPiece[], rules: readonly Rule[] = []): Block[] {
  const ruled = ruledTablesOf(pieces, rules);
  const lines = groupLines(pieces.filter((p) => !ruled.inTables.has(p)));
  const bodySize = bodySizeOf(lines);
  // The flow is cut where a ruled table stands, so the text before and after it never joins up.
  const cuts = ruled.tables.map((t) => t.top);
  const stretches: TextLine[][] = [];
  let cut = 0;
  for (const line of lines) {
    const current = stretches.at(-1);
    const crossed = cuts.some((at) => at > cut && at <= line.top);
    if (!current || crossed) stretches.push([line]);
    else current.push(line);
    cut = line.top;
  }
  const flows = stretches.map((stretch) => splitFlow(stretch, bodySize));
  const margins = proseMargins(flows.flat().flatMap((part) => (part.kind === 'prose' ? part.lines : [])));
  const placed: PlacedBlock[] = ruled.tables.map((t) => ({ top: t.top, block: { kind: 'table', grid: t.grid } }));
  for (const flow of flows) placed.push(...flowingBlocks(flow, margins, bodySize));
  return placed.sort((a, b) => a.top - b.top).map((b) => b.block);
}

function flowingBlocks(flow: readonly FlowPart[], margins: ProseMargins, bodySize: number): PlacedBlock[] {
  const blocks: PlacedBlock[] = [];
  const prose = (ls: readonly TextLine[]) => {
    const top = ls[0]?.top ?? 0;
    for (const text of paragraphsOf(ls, margins, bodySize)) blocks.push({ top, block: { kind: 'paragraph', text } });
  };
  for (const part of flow) {
    if (part.kind === 'prose') {
      prose(part.lines);
      continue;
    }
    const table = bandRowsOf(part.lines.flatMap((l) => l.fragments));
    const top = part.lines[0]?.top ?? 0;
    if (table.rows.some((r) => r.kind === 'figures'))
      blocks.push({ top, block: { kind: 'table', grid: gridOf(table) } });
    else prose(part.lines);
  }
  return blocks;
}
