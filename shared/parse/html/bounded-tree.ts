/**
 * parse5 builds the whole tree before anything reads it, so its budget is enforced while it builds: a
 * tree adapter that counts nodes and nesting and stops the parse at the first node over budget. Ten
 * megabytes of `<i></i>` are over a million elements; `<div><p>` repeated makes the parser walk the
 * whole stack of open elements for every tag, which only a depth limit keeps linear.
 */

import type { DefaultTreeAdapterTypes } from 'parse5';
import { defaultTreeAdapter, type ParserOptions } from 'parse5';
import { documentTooComplex } from '../too-complex.ts';

/** A Word-exported report page has 10–30 thousand nodes; CMS pages fewer. */
export const MAX_HTML_NODES = 250_000;
/** Real pages nest a few dozen elements deep. */
export const MAX_HTML_DEPTH = 512;

type Node = DefaultTreeAdapterTypes.Node;
type Parent = DefaultTreeAdapterTypes.ParentNode;
/**
 * A node's depth is kept on the node: a side table (Map) of every node costs a tenth of the parse. The
 * document and a template's content are the roots, without a depth.
 */
type Placed = { treeDepth?: number };

function overBudget(what: 'nodes' | 'depth') {
  return documentTooComplex(
    what === 'nodes'
      ? { zh: `HTML 文件的元素超过 ${MAX_HTML_NODES} 个。`, en: `The HTML has more than ${MAX_HTML_NODES} nodes.` }
      : {
          zh: `HTML 文件的元素嵌套超过 ${MAX_HTML_DEPTH} 层。`,
          en: `The HTML nests deeper than ${MAX_HTML_DEPTH} levels.`,
        },
  );
}

/**
 * Parser options whose tree adapter throws DOCUMENT_TOO_COMPLEX once the tree is over budget; every table
 * element it creates is added to `tables`, so nothing has to search the tree for them.
 */
export function boundedTreeOptions(
  tables: DefaultTreeAdapterTypes.Element[] = [],
): ParserOptions<DefaultTreeAdapterTypes.DefaultTreeAdapterMap> {
  let nodes = 0;
  const counted = () => {
    if (++nodes > MAX_HTML_NODES) throw overBudget('nodes');
  };
  const placed = (parent: Parent, child: Node) => {
    const depth = ((parent as Placed).treeDepth ?? 0) + 1;
    if (depth > MAX_HTML_DEPTH) throw overBudget('depth');
    (child as Placed).treeDepth = depth;
  };
  return {
    treeAdapter: {
      ...defaultTreeAdapter,
      createElement(tagName, namespaceURI, attrs) {
        counted();
        // parse5's element with its depth field from the start, so every element has one shape.
        const element: DefaultTreeAdapterTypes.Element & Placed = {
          nodeName: tagName,
          tagName,
          attrs,
          namespaceURI,
          childNodes: [],
          parentNode: null,
          treeDepth: 0,
        };
        if (tagName === 'table') tables.push(element);
        return element;
      },
      createCommentNode(data) {
        counted();
        return defaultTreeAdapter.createCommentNode(data);
      },
      insertText(parent, text) {
        counted();
        defaultTreeAdapter.insertText(parent, text);
      },
      insertTextBefore(parent, text, reference) {
        counted();
        defaultTreeAdapter.insertTextBefore(parent, text, reference);
      },
      appendChild(parent, child) {
        placed(parent, child);
        defaultTreeAdapter.appendChild(parent, child);
      },
      insertBefore(parent, child, reference) {
        placed(parent, child);
        defaultTreeAdapter.insertBefore(parent, child, reference);
      },
    },
  };
}
