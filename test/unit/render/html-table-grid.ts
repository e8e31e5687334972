/** Reads rendered tables back with parse5: their rows, spans and the grid they cover. */
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['parentNode'];
export type Element = DefaultTreeAdapterMap['element'];

export function parseStrict(html: string): DefaultTreeAdapterMap['documentFragment'] {
  const errors: string[] = [];
  const fragment = parseFragment(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startOffset}`) });
  if (errors.length > 0) throw new Error(`HTML parse errors: ${errors.join(', ')}`);
  return fragment;
}

export function elements(node: Node, tag?: string): Element[] {
  const found: Element[] = [];
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if ('tagName' in child) {
      if (tag === undefined || child.tagName === tag) found.push(child);
      found.push(...elements(child, tag));
    }
  }
  return found;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function text(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return ('childNodes' in node ? node.childNodes : []).map((c) => text(c)).join('');
}

export function spanCount(table: Element, name: 'rowspan' | 'colspan'): number {
  return elements(table).filter((e) => (e.tagName === 'td' || e.tagName === 'th') && attr(e, name) !== undefined)
    .length;
}

/** Widths of each row after placing every cell with its rowspan and colspan, as a browser would. */
export function rowWidths(table: Element): number[] {
  const occupied: boolean[][] = [];
  const rows = elements(table, 'tr');
  rows.forEach((row, y) => {
    let x = 0;
    for (const cell of row.childNodes.filter((c): c is Element => 'tagName' in c)) {
      while (occupied[y]?.[x]) x++;
      const colspan = Number(attr(cell, 'colspan') ?? 1);
      const rowspan = Number(attr(cell, 'rowspan') ?? 1);
      for (let dy = 0; dy < rowspan; dy++) {
        for (let dx = 0; dx < colspan; dx++) {
          occupied[y + dy] ??= [];
          (occupied[y + dy] as boolean[])[x + dx] = true;
        }
      }
      x += colspan;
    }
  });
  return rows.map((_, y) => (occupied[y] ?? []).filter(Boolean).length);
}
