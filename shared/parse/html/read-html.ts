/**
 * HTML reader: Word-exported HTML and CMS web pages → paragraphs and table grids in reading order.
 * parse5 is the WHATWG parser, so truncated pages and implied end tags (`<td>a<td>b<tr>`) come out as a
 * browser would show them; everything after parsing only reads the tree, which is built under a node and
 * depth budget (`bounded-tree.ts`).
 */
import { parse } from 'parse5';
import type { Block, ReadDocument } from '../grid.ts';
import { BLOCK_TAGS } from './block-tags.ts';
import { type PlacedBlock, walkBlocks } from './block-walker.ts';
import { boundedTreeOptions } from './bounded-tree.ts';
import { findElement, type HtmlElement, isWithin } from './dom.ts';
import { noteParsedTables } from './nested-tables.ts';
import { isInvisible, looksLikeChrome } from './page-chrome.ts';
import { findReportArticle, isReportTitle, type ReportArticle } from './report-article.ts';

const LAYOUT = 'html';
/** How far into the article a repeated title may sit (after a date line or a document number). */
const TITLE_LOOKAHEAD = 3;

function hasOwnTitle(blocks: readonly Block[]): boolean {
  return blocks
    .filter((b) => b.kind === 'paragraph')
    .slice(0, TITLE_LOOKAHEAD)
    .some((b) => isReportTitle(b.text));
}

/**
 * The blocks a walk of the article would give, skipping its chrome. When the walk of the page met no chrome
 * inside the article and the article is the page or a block element the page walk entered, those are the
 * page's own blocks inside it: the page is walked once.
 */
function articleBlocks(
  body: HtmlElement,
  page: readonly PlacedBlock[],
  article: ReportArticle,
  chrome: readonly HtmlElement[],
): readonly PlacedBlock[] {
  const { root, keep } = article;
  const dropped = (el: HtmlElement) => el !== root && !keep.has(el) && isWithin(el, root);
  const enteredAsBlock =
    root === body || (BLOCK_TAGS.has(root.tagName) && !page.some((p) => p.owner === root && p.block.kind === 'table'));
  if (!enteredAsBlock || chrome.some(dropped)) {
    return walkBlocks(root, (el) => isInvisible(el) || (looksLikeChrome(el) && !keep.has(el)));
  }
  return root === body ? page : page.filter((placed) => isWithin(placed.owner, root));
}

export function readHtml(text: string): ReadDocument {
  const tables: HtmlElement[] = [];
  const body = findElement(parse(text, boundedTreeOptions(tables)), 'body');
  noteParsedTables(tables);
  if (!body) return { layout: LAYOUT, blocks: [] };
  const chrome: HtmlElement[] = [];
  const page = walkBlocks(body, isInvisible, (el) => {
    if (looksLikeChrome(el)) chrome.push(el);
  });
  const article = findReportArticle(body, page);
  const read = articleBlocks(body, page, article, chrome);
  // Chrome is a guess from class names; if the guess removed everything, the guess was wrong.
  const blocks = (read.length > 0 ? read : page).map((placed) => placed.block);
  if (article.title !== undefined && !hasOwnTitle(blocks)) {
    return { layout: LAYOUT, blocks: [{ kind: 'paragraph', text: article.title }, ...blocks] };
  }
  return { layout: LAYOUT, blocks };
}
