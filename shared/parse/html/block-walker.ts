/**
 * Walks an element's subtree in reading order and yields paragraphs and table grids. Iterative, because
 * fuzzed or broken pages nest elements tens of thousands deep.
 */
import type { Block, Grid } from '../grid.ts';
import { BLOCK_TAGS } from './block-tags.ts';
import { readCellText } from './cell-text.ts';
import { ancestorsOf, childElements, type HtmlElement, type HtmlNode, isElement, isText } from './dom.ts';
import { normalizeInlineText } from './inline-text.ts';
import { holdsTable } from './nested-tables.ts';
import { readTableGrid } from './table-grid.ts';

export interface PlacedBlock {
  readonly block: Block;
  /** The table, or the innermost block element the paragraph's text ended in. */
  readonly owner: HtmlElement;
  /** Every character came from inside links (menus, lists of other articles). */
  readonly linkOnly: boolean;
}

/**
 * The walk's stack holds nodes to enter; an element whose end the walk must see is pushed once more below
 * its children, followed by this marker.
 */
const EXIT: HtmlNode = { nodeName: '#comment', data: 'end of element', parentNode: null };

/**
 * A table that wraps other tables, or has a single column, lays out the page rather than holding data:
 * its cells are read as ordinary containers so the report's own tables come out as their own blocks.
 */
function dataTableGrid(table: HtmlElement): Grid | undefined {
  // The reader may walk a page twice (to find the report, then to read it); a parsed tree never changes.
  const known = gridsRead.get(table);
  if (known !== undefined) return known ?? undefined;
  const grid = holdsTable(table) ? null : readTableGrid(table);
  const data = grid && (grid.rows[0]?.length ?? 0) > 1 ? grid : null;
  gridsRead.set(table, data);
  return data ?? undefined;
}

const gridsRead = new WeakMap<HtmlElement, Grid | null>();

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

  table(table: HtmlElement, grid: Grid): void {
    for (const caption of childElements(table, 'caption')) {
      const text = readCellText(caption);
      if (text !== '') this.blocks.push({ block: { kind: 'paragraph', text }, owner: caption, linkOnly: false });
    }
    this.blocks.push({ block: { kind: 'table', grid }, owner: table, linkOnly: false });
  }
}

function pushChildren(steps: HtmlNode[], node: HtmlElement): void {
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) steps.push(children[i] as HtmlNode);
}

/** Portals paste plain-text reports into `<pre>`: there every source line is a line of the report. */
const PREFORMATTED = new Set(['pre', 'xmp', 'listing', 'plaintext']);

/** Where the walk is: the open block elements and whether it is inside a link or preformatted text. */
class WalkState {
  readonly open: HtmlElement[];
  linkDepth = 0;
  preDepth = 0;

  constructor(
    readonly sink: BlockSink,
    root: HtmlElement,
  ) {
    this.open = [root];
    // The walk may start inside preformatted text: the report container can be the <pre> itself.
    this.preDepth = ancestorsOf(root).filter((el) => PREFORMATTED.has(el.tagName)).length;
  }

  get current(): HtmlElement {
    return this.open[this.open.length - 1] as HtmlElement;
  }

  text(value: string): void {
    if (this.preDepth === 0) {
      this.sink.append(value, this.linkDepth > 0);
      return;
    }
    value.split(/\r?\n/).forEach((line, i) => {
      if (i > 0) this.sink.flush(this.current);
      this.sink.append(line, this.linkDepth > 0);
    });
  }

  /** Enters an inline or block element; returns whether its exit must be tracked. */
  enter(el: HtmlElement): boolean {
    if (el.tagName === 'a') this.linkDepth++;
    else if (BLOCK_TAGS.has(el.tagName)) {
      this.sink.flush(this.current);
      this.open.push(el);
      if (PREFORMATTED.has(el.tagName)) this.preDepth++;
    } else return false;
    return true;
  }

  exit(el: HtmlElement): void {
    if (el.tagName === 'a') this.linkDepth--;
    else {
      this.sink.flush(this.current);
      this.open.pop();
      if (PREFORMATTED.has(el.tagName)) this.preDepth--;
    }
  }
}

/**
 * Blocks under `root` in reading order; `skip` removes an element and everything inside it, `visit` sees
 * every element the walk does not skip.
 */
export function walkBlocks(
  root: HtmlElement,
  skip: (el: HtmlElement) => boolean,
  visit?: (el: HtmlElement) => void,
): PlacedBlock[] {
  const sink = new BlockSink();
  const state = new WalkState(sink, root);
  const steps: HtmlNode[] = [];
  pushChildren(steps, root);
  while (steps.length > 0) {
    const node = steps.pop() as HtmlNode;
    if (node === EXIT) {
      state.exit(steps.pop() as HtmlElement);
      continue;
    }
    if (isText(node)) state.text(node.value);
    if (!isElement(node) || skip(node)) continue;
    visit?.(node);
    if (node.tagName === 'br') {
      sink.flush(state.current);
      continue;
    }
    const grid = node.tagName === 'table' ? dataTableGrid(node) : undefined;
    if (grid) {
      sink.flush(state.current);
      sink.table(node, grid);
      continue;
    }
    if (state.enter(node)) steps.push(node, EXIT);
    pushChildren(steps, node);
  }
  sink.flush(root);
  return sink.blocks;
}
