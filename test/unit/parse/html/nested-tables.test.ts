import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { boundedTreeOptions } from '#shared/parse/html/bounded-tree.ts';
import type { HtmlElement } from '#shared/parse/html/dom.ts';
import { holdsTable, noteParsedTables } from '#shared/parse/html/nested-tables.ts';

/** Whether a table sits below `root`, by searching its contents. */
function searched(root: HtmlElement): boolean {
  return root.childNodes.some((child) => child.nodeName === 'table' || ('tagName' in child && searched(child)));
}

/** Tables in cells, captions, templates, misnested formatting and stray rows: what moves nodes around. */
const piece = fc.constantFrom(
  '<table>',
  '</table>',
  '<tr>',
  '<td>',
  '</td>',
  '<caption>',
  '</caption>',
  '<template>',
  '</template>',
  '<b>',
  '</b>',
  '<a href=#>',
  '</a>',
  '<div>',
  '</div>',
  '<p>',
  'x',
  '<svg>',
  '</svg>',
  '<select>',
);

describe('tables holding tables', () => {
  it('are known from the parse exactly as a search of each table finds them', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const tables: HtmlElement[] = [];
        parse(pieces.join(''), boundedTreeOptions(tables));
        noteParsedTables(tables);
        for (const table of tables) expect(holdsTable(table)).toBe(searched(table));
      }),
      { numRuns: 1000 },
    );
  });

  it('are found by a search in a tree the reader did not parse', () => {
    const [outer, inner] = ['<table><tr><td><table><tr><td>1</td></tr></table>', '<table><tr><td>1</td></tr></table>'];
    const tableIn = (html: string) =>
      parse(html).childNodes.flatMap(function tablesOf(n): HtmlElement[] {
        if (!('tagName' in n)) return [];
        return n.tagName === 'table' ? [n, ...n.childNodes.flatMap(tablesOf)] : n.childNodes.flatMap(tablesOf);
      });
    expect(tableIn(outer as string).map(holdsTable)).toEqual([true, false]);
    expect(tableIn(inner as string).map(holdsTable)).toEqual([false]);
  });
});
