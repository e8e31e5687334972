/**
 * The text of one table cell. A cell belongs to its own table only, so nested tables are skipped; line
 * breaks and paragraphs inside a cell join without a space because Word breaks header labels across
 * lines ("本年新<br />制作数量", "结果<p>纠正").
 */
import { BLOCK_TAGS } from './block-tags.ts';
import type { HtmlElement, HtmlNode } from './dom.ts';
import { CELL_JOIN, normalizeInlineText } from './inline-text.ts';
import { isInvisible } from './page-chrome.ts';

/** One scratch stack for every cell: a page has hundreds of cells and reading one never reads another. */
const pending: HtmlNode[] = [];

function pushChildren(node: HtmlElement): void {
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as HtmlNode);
}

export function readCellText(cell: HtmlElement): string {
  let raw = '';
  const base = pending.length;
  pushChildren(cell);
  while (pending.length > base) {
    const node = pending.pop() as HtmlNode;
    if (node.nodeName === '#text') {
      raw += (node as { readonly value: string }).value;
      continue;
    }
    // Elements are the only nodes named by their tag; comments and doctypes carry no text.
    if (!('tagName' in node) || isInvisible(node) || node.tagName === 'table') continue;
    if (node.tagName === 'br' || BLOCK_TAGS.has(node.tagName)) raw += CELL_JOIN;
    pushChildren(node);
  }
  return normalizeInlineText(raw);
}
