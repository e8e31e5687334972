/**
 * The few parse5 tree operations the HTML reader needs, typed once so the rest never touches parse5's types.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';

export type HtmlNode = DefaultTreeAdapterTypes.Node;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlParent = DefaultTreeAdapterTypes.ParentNode;

export function isElement(node: HtmlNode): node is HtmlElement {
  return 'tagName' in node;
}

export function isText(node: HtmlNode): node is DefaultTreeAdapterTypes.TextNode {
  return node.nodeName === '#text';
}

export function childNodesOf(node: HtmlNode): readonly HtmlNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

export function childElements(node: HtmlNode, ...tags: string[]): HtmlElement[] {
  return childNodesOf(node).filter((c): c is HtmlElement => isElement(c) && tags.includes(c.tagName));
}

export function attrOf(el: HtmlElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function parentElement(node: HtmlNode): HtmlElement | null {
  const parent = 'parentNode' in node ? node.parentNode : null;
  return parent && isElement(parent) ? parent : null;
}

/** True when `node` is `ancestor` or sits somewhere below it. */
export function isWithin(node: HtmlNode, ancestor: HtmlNode): boolean {
  let current: HtmlNode | null = node;
  while (current) {
    if (current === ancestor) return true;
    current = 'parentNode' in current ? current.parentNode : null;
  }
  return false;
}

/** Elements from `node` up to the top of the tree, innermost first. */
export function ancestorsOf(node: HtmlElement): HtmlElement[] {
  const chain: HtmlElement[] = [];
  for (let current: HtmlElement | null = node; current; current = parentElement(current)) chain.push(current);
  return chain;
}

/** The first element with this tag, depth first; iterative because fuzzed input nests arbitrarily deep. */
export function findElement(root: HtmlNode, tag: string): HtmlElement | undefined {
  const stack: HtmlNode[] = [...childNodesOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (!isElement(node)) continue;
    if (node.tagName === tag) return node;
    const children = childNodesOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as HtmlNode);
  }
  return undefined;
}
