/**
 * Walks an element's subtree in reading order and yields paragraphs and table grids. Iterative, because
 * fuzzed or broken pages nest elements tens of thousands deep.
 */
import type { Block } from '../grid.ts';
import { BLOCK_TAGS } from './block-tags.ts';
import { readCellText } from './cell-text.ts';
import { childElements, childNodesOf, findElement, type HtmlElement, type HtmlNode, isElement, isText } from './dom.ts';
import { normalizeInlineText } from './inline-text.ts';
import { readTableGrid } from './table-grid.ts';

export interface PlacedBlock {
  readonly block: Block;
  /** The table, or the innermost block element the paragraph's text ended in. */
  readonly owner: HtmlElement;
  /** Every character came from inside links (menus, lists of other articles). */
  readonly linkOnly: boolean;
}

type Step = { readonly enter: HtmlNode } | { readonly exit: HtmlElement };

/**
 * A table that wraps other tables, or has a single column, lays out the page rather than holding data:
 * its cells are read as ordinary containers so the report's own tables come out as their own blocks.
 */
function dataTableGrid(table: HtmlElement) {
  if (findElement(table, 'table')) return undefined;
  const grid = readTableGrid(table);
  return (grid.rows[0]?.length ?? 0) > 1 ? grid : undefined;
}

class BlockSink {
  readonly blocks: PlacedBlock[] = [];
  private raw = '';
  private plain = false;

  append(text: string, inLink: boolean): void {
    this.raw += text;
    if (!inLink && text.trim() !== '') this.plain = true;
  }

  flush(owner: HtmlElement): void {
    const text = normalizeInlineText(this.raw);
    if (text !== '') this.blocks.push({ block: { kind: 'paragraph', text }, owner, linkOnly: !this.plain });
    this.raw = '';
    this.plain = false;
  }

  table(table: HtmlElement, grid: ReturnType<typeof readTableGrid>): void {
    for (const caption of childElements(table, 'caption')) {
      const text = readCellText(caption);
      if (text !== '') this.blocks.push({ block: { kind: 'paragraph', text }, owner: caption, linkOnly: false });
    }
    this.blocks.push({ block: { kind: 'table', grid }, owner: table, linkOnly: false });
  }
}

function pushChildren(steps: Step[], node: HtmlNode): void {
  const children = childNodesOf(node);
  for (let i = children.length - 1; i >= 0; i--) steps.push({ enter: children[i] as HtmlNode });
}

/** Blocks under `root` in reading order; `skip` removes an element and everything inside it. */
export function walkBlocks(root: HtmlElement, skip: (el: HtmlElement) => boolean): PlacedBlock[] {
  const sink = new BlockSink();
  const open: HtmlElement[] = [root];
  let linkDepth = 0;
  const steps: Step[] = [];
  pushChildren(steps, root);
  while (steps.length > 0) {
    const step = steps.pop() as Step;
    const current = open[open.length - 1] as HtmlElement;
    if ('exit' in step) {
      if (step.exit.tagName === 'a') linkDepth--;
      else {
        sink.flush(current);
        open.pop();
      }
      continue;
    }
    const node = step.enter;
    if (isText(node)) sink.append(node.value, linkDepth > 0);
    if (!isElement(node) || skip(node)) continue;
    const tag = node.tagName;
    if (tag === 'br') {
      sink.flush(current);
      continue;
    }
    const grid = tag === 'table' ? dataTableGrid(node) : undefined;
    if (grid) {
      sink.flush(current);
      sink.table(node, grid);
      continue;
    }
    if (tag === 'a') {
      linkDepth++;
      steps.push({ exit: node });
    } else if (BLOCK_TAGS.has(tag)) {
      sink.flush(current);
      open.push(node);
      steps.push({ exit: node });
    }
    pushChildren(steps, node);
  }
  sink.flush(root);
  return sink.blocks;
}
