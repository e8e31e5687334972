/**
 * Whether a table holds another table somewhere inside it (then it lays out the page rather than holding
 * data). The parser hands over every table it built, so that is known from each table's ancestors without
 * searching any table's contents; a tree built elsewhere is searched.
 */
import type { HtmlElement, HtmlNode } from './dom.ts';

const holdsTableOf = new WeakMap<HtmlElement, boolean>();

/** Records, for every table of a parsed tree, whether another table sits inside it. */
export function noteParsedTables(tables: readonly HtmlElement[]): void {
  for (const table of tables) if (!holdsTableOf.has(table)) holdsTableOf.set(table, false);
  for (const table of tables) {
    for (let above = table.parentNode; above && 'tagName' in above; above = above.parentNode) {
      if (above.tagName === 'table') holdsTableOf.set(above, true);
    }
  }
}

/** Searches in any order: only the answer counts. */
function searchForTable(root: HtmlElement): boolean {
  const stack: HtmlNode[] = [...root.childNodes];
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (node.nodeName === 'table') return true;
    if ('childNodes' in node) for (const child of node.childNodes) stack.push(child);
  }
  return false;
}

export function holdsTable(table: HtmlElement): boolean {
  return holdsTableOf.get(table) ?? searchForTable(table);
}
