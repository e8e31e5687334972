/**
 * Finds the report inside a web page: the smallest element holding every part heading and report table
 * (CMS pages put the report in a div such as `.article`, `#zoom` or `.TRS_Editor`), plus the page title
 * printed above it when the container itself does not repeat the title.
 */
import {
  APPLICANT_COLUMNS,
  PART_LABELS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_2021_ROWS,
  REVIEW_GROUPS,
} from '../../report/labels.ts';
import { isValueText } from '../cell-value.ts';
import type { Block } from '../grid.ts';
import type { PlacedBlock } from './block-walker.ts';
import { ancestorsOf, type HtmlElement, isWithin, parentElement } from './dom.ts';
import { looksLikeNavigation } from './page-chrome.ts';

export interface ReportArticle {
  /** The container to read. */
  readonly root: HtmlElement;
  /** The report's headings and tables and every element around them: never dropped as chrome. */
  readonly keep: ReadonlySet<HtmlElement>;
  /** The report title printed outside `root`, when there is one. */
  readonly title?: string;
}

const PART_KEYWORDS: readonly string[] = PART_LABELS.flatMap((p) => p.keywords);
const PART_NUMERAL = /^[一二三四五六七八九十]{1,2}\s*[、.．]/;
const TABLE_HINTS: readonly string[] = [
  ...new Set([
    APPLICANT_COLUMNS[0].label,
    ...REVIEW_GROUPS.map((g) => g.label),
    ...PROACTIVE_2021_ROWS.map((r) => r.label),
    ...PROACTIVE_2019_ROWS.map((r) => r.label),
  ]),
];
/** "某某局2021年政府信息公开工作年度报告", "2019年度政府信息公开工作报告". */
const REPORT_TITLE = /\d{4}\s*年.*报告/;
const MAX_TITLE_LENGTH = 120;

function isPartHeading(text: string): boolean {
  return text.length <= 60 && PART_NUMERAL.test(text) && PART_KEYWORDS.some((k) => text.includes(k));
}

/** A report label and a figure: a sidebar table of links named 行政许可 or 行政处罚 has no figures. */
function isReportTable(block: Block): boolean {
  if (block.kind !== 'table') return false;
  const { rows } = block.grid;
  // No hint spans a line break, so one search of the cells joined by line breaks finds a hint in any cell.
  let text = '';
  for (const row of rows) for (const cell of row) text += `${cell.text}\n`;
  if (!TABLE_HINTS.some((hint) => text.includes(hint))) return false;
  for (const row of rows) for (const cell of row) if (isValueText(cell.text)) return true;
  return false;
}

export function isReportTitle(text: string): boolean {
  return text.length <= MAX_TITLE_LENGTH && REPORT_TITLE.test(text);
}

function isMarker(placed: PlacedBlock): boolean {
  const { block } = placed;
  if (block.kind === 'table') return isReportTable(block);
  return !placed.linkOnly && isPartHeading(block.text);
}

const TABLE_PARTS = new Set(['tr', 'thead', 'tbody', 'tfoot']);

/**
 * The deepest element containing every marker: in document order that is the common ancestor of the first
 * and the last one. One marker says too little about where the report ends, so it selects the whole page;
 * a row of a layout table widens to the table, whose other rows belong to the report too.
 */
function commonContainer(markers: readonly PlacedBlock[], body: HtmlElement): HtmlElement {
  const first = markers[0];
  const last = markers[markers.length - 1];
  if (!first || !last || markers.length < 2) return body;
  const aboveFirst = new Set(ancestorsOf(first.owner));
  let common: HtmlElement = last.owner;
  while (!aboveFirst.has(common)) common = parentElement(common) ?? body;
  while (TABLE_PARTS.has(common.tagName)) common = parentElement(common) ?? body;
  return common;
}

/** The markers and all their ancestors; each element is visited once however many markers share it. */
function ancestorsOfAll(markers: readonly PlacedBlock[]): Set<HtmlElement> {
  const keep = new Set<HtmlElement>();
  for (const marker of markers) {
    for (let el: HtmlElement | null = marker.owner; el && !keep.has(el); el = parentElement(el)) keep.add(el);
  }
  return keep;
}

function inNavigation(owner: HtmlElement, keep: ReadonlySet<HtmlElement>): boolean {
  return ancestorsOf(owner).some((el) => looksLikeNavigation(el) && !keep.has(el));
}

/** The last title-like paragraph above the report that is not a link or chrome (breadcrumbs, menus). */
function titleAbove(root: HtmlElement, before: readonly PlacedBlock[], keep: ReadonlySet<HtmlElement>) {
  let title: string | undefined;
  for (const { block, owner, linkOnly } of before) {
    if (block.kind !== 'paragraph' || linkOnly || !isReportTitle(block.text)) continue;
    if (!isWithin(owner, root) && !inNavigation(owner, keep)) title = block.text;
  }
  return title;
}

export function findReportArticle(body: HtmlElement, page: readonly PlacedBlock[]): ReportArticle {
  const markers = page.filter(isMarker);
  const root = commonContainer(markers, body);
  const keep = ancestorsOfAll(markers);
  const firstMarker = markers[0] ? page.indexOf(markers[0]) : 0;
  const title = root === body ? undefined : titleAbove(root, page.slice(0, firstMarker), keep);
  return title === undefined ? { root, keep } : { root, keep, title };
}
