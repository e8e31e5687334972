/**
 * HTML reader: Word-exported HTML and CMS web pages → paragraphs and table grids in reading order.
 * parse5 is the WHATWG parser, so truncated pages and implied end tags (`<td>a<td>b<tr>`) come out as a
 * browser would show them; everything after parsing only reads the tree, which is built under a node and
 * depth budget (`bounded-tree.ts`).
 */
import { parse } from 'parse5';
import type { Block, ReadDocument } from '../grid.ts';
import { walkBlocks } from './block-walker.ts';
import { boundedTreeOptions } from './bounded-tree.ts';
import { findElement } from './dom.ts';
import { isInvisible, looksLikeChrome } from './page-chrome.ts';
import { findReportArticle, isReportTitle } from './report-article.ts';

const LAYOUT = 'html';
/** How far into the article a repeated title may sit (after a date line or a document number). */
const TITLE_LOOKAHEAD = 3;

function hasOwnTitle(blocks: readonly Block[]): boolean {
  return blocks
    .filter((b) => b.kind === 'paragraph')
    .slice(0, TITLE_LOOKAHEAD)
    .some((b) => isReportTitle(b.text));
}

export function readHtml(text: string): ReadDocument {
  const body = findElement(parse(text, boundedTreeOptions()), 'body');
  if (!body) return { layout: LAYOUT, blocks: [] };
  const page = walkBlocks(body, isInvisible);
  const article = findReportArticle(body, page);
  const read = walkBlocks(article.root, (el) => isInvisible(el) || (looksLikeChrome(el) && !article.keep.has(el)));
  // Chrome is a guess from class names; if the guess removed everything, the guess was wrong.
  const blocks = (read.length > 0 ? read : page).map((placed) => placed.block);
  if (article.title !== undefined && !hasOwnTitle(blocks)) {
    return { layout: LAYOUT, blocks: [{ kind: 'paragraph', text: article.title }, ...blocks] };
  }
  return { layout: LAYOUT, blocks };
}
