/**
 * The text of one table cell. A cell belongs to its own table only, so nested tables are skipped; line
 * breaks and paragraphs inside a cell join without a space because Word breaks header labels across
 * lines ("本年新<br />制作数量", "结果<p>纠正").
 */
import { BLOCK_TAGS } from './block-tags.ts';
import { childNodesOf, type HtmlElement, type HtmlNode, isElement, isText } from './dom.ts';
import { CELL_JOIN, normalizeInlineText } from './inline-text.ts';
import { isInvisible } from './page-chrome.ts';

export function readCellText(cell: HtmlElement): string {
  let raw = '';
  const stack: HtmlNode[] = [...childNodesOf(cell)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (isText(node)) {
      raw += node.value;
      continue;
    }
    if (!isElement(node) || isInvisible(node) || node.tagName === 'table') continue;
    if (node.tagName === 'br' || BLOCK_TAGS.has(node.tagName)) raw += CELL_JOIN;
    const children = childNodesOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as HtmlNode);
  }
  return normalizeInlineText(raw);
}
