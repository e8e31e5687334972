/**
 * Why a document is refused as not a report, told truthfully: what was found (how many lines, which part
 * headings, part titles that sit inside a line instead of heading their own as text a crawler flattened
 * gives, table rows, figures run into the text) and what is missing (the rows of the report's tables).
 */
import { ReportParseError } from '#shared/errors.ts';
import { PART_LABELS } from '#shared/report/labels.ts';
import { type Item, linesOf } from './items.ts';

/** A message quotes a few titles; a document naming every part still reads in one sentence. */
const MAX_QUOTED = 3;
/**
 * More figures than this in running text are tables run into it: a report's prose holds at most a few
 * dozen counts (20 in the corpus), its tables some 200 figures (175 in table 三 alone).
 */
const FLATTENED_TABLE_FIGURES = 60;
const FIGURE = /(?<![\d.])\d+(?:\.\d+)?(?![\d.年月日])/g;

export interface FoundStructure {
  /** Per part (PART_LABELS order), whether its heading was found. */
  readonly headings: readonly boolean[];
}

/** Part titles printed somewhere other than at the start of a line, in part order, among parts not found. */
function titlesInsideLines(lines: readonly string[], found: readonly boolean[]): string[] {
  const inside: string[] = [];
  PART_LABELS.forEach((part, i) => {
    if (found[i]) return;
    const numbered = `${part.numeral}、${part.title}`;
    const isInside = lines.some((line) => {
      const at = line.indexOf(part.title);
      return at > 0 && !line.trimStart().startsWith(numbered) && !line.trimStart().startsWith(part.title);
    });
    if (isInside) inside.push(numbered);
  });
  return inside;
}

function figuresInText(items: readonly Item[]): number {
  let figures = 0;
  for (const item of items) if (item.kind === 'paragraph') figures += item.text.match(FIGURE)?.length ?? 0;
  return figures;
}

/** No table row at all, but the text is full of figures: the tables were flattened into it. */
export function tablesRunIntoText(items: readonly Item[]): boolean {
  return !items.some((i) => i.kind === 'row') && figuresInText(items) > FLATTENED_TABLE_FIGURES;
}

interface Clause {
  readonly zh: string;
  readonly en: string;
}

function headingsClause(found: readonly boolean[], inside: readonly string[]): Clause {
  const numerals = PART_LABELS.filter((_, i) => found[i]).map((p) => p.numeral);
  const foundZh =
    numerals.length > 0 ? `找到第${numerals.join('、')}部分的标题` : '没有“一、总体情况”等单独成行的部分标题';
  const foundEn =
    numerals.length > 0
      ? `the headings of part${numerals.length > 1 ? 's' : ''} ${numerals.join(', ')}`
      : 'no part heading such as "一、总体情况" on a line of its own';
  if (inside.length === 0) return { zh: foundZh, en: foundEn };
  const quoted = inside.slice(0, MAX_QUOTED);
  const more = inside.length > MAX_QUOTED ? `等 ${inside.length} 个` : '';
  const moreEn = inside.length > MAX_QUOTED ? ` and ${inside.length - MAX_QUOTED} more` : '';
  return {
    zh: `${foundZh}；另有“${quoted.join('”“')}”${more}部分标题夹在行文中间，而不是单独成行（常见于从网页抓取或复制的文字）`,
    en: `${foundEn}; the part titles ${quoted.map((t) => `"${t}"`).join(', ')}${moreEn} sit inside lines instead of heading their own (as in text crawled or copied from a web page)`,
  };
}

function tablesClause(rows: number, figures: number): Clause {
  if (rows > 0) {
    return {
      zh: `读到 ${rows} 个表格行，但没有一行能读作年报表格中带数字的行（如“规章”“行政许可”“一、本年新收政府信息公开申请数量”及其数字）`,
      en: `none of ${rows} table rows reads as a row of figures of the report's tables (such as 规章, 行政许可, 一、本年新收政府信息公开申请数量 and their figures)`,
    };
  }
  if (figures > FLATTENED_TABLE_FIGURES) {
    return {
      zh: `没有表格：正文中夹着 ${figures} 个数字，表格似乎被并成了行文，无法分出行和列`,
      en: `no table: ${figures} figures run through the text, as if the tables were flattened into it, with no rows or columns to read`,
    };
  }
  return { zh: '也没有表格', en: 'no table' };
}

/** The refusal of a document none of whose table rows is a row of the report's tables. */
export function noStructureError(items: readonly Item[], structure: FoundStructure): ReportParseError {
  const lines = items.flatMap(linesOf);
  const rows = items.filter((i) => i.kind === 'row').length;
  const headings = headingsClause(structure.headings, titlesInsideLines(lines, structure.headings));
  const tables = tablesClause(rows, figuresInText(items));
  return new ReportParseError('NOT_A_REPORT', {
    zh: `未识别出年度报告的结构：读到 ${lines.length} 行文字，${headings.zh}；${tables.zh}。请上传保留标题分行和表格的原件（DOCX、PDF 或网页）。`,
    en: `No report structure was found: ${lines.length} line${lines.length === 1 ? '' : 's'} of text with ${headings.en}; ${tables.en}. Upload the original with its headings on their own lines and its tables (DOCX, PDF or the web page).`,
  });
}
