/**
 * Why a document is refused as not a report, told truthfully: what was found (how many lines, part titles that sit
 * inside a line instead of heading their own, as text a crawler flattened gives) and what is missing (headings on
 * their own line, the table rows).
 */
import { ReportParseError } from '#shared/errors.ts';
import { PART_LABELS } from '#shared/report/labels.ts';
import { type Item, linesOf } from './items.ts';

/** A message quotes a few titles; a document naming every part still reads in one sentence. */
const MAX_QUOTED = 3;

/** Part titles printed somewhere other than at the start of a line, in part order. */
function titlesInsideLines(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (const part of PART_LABELS) {
    const numbered = `${part.numeral}、${part.title}`;
    const inside = lines.some((line) => {
      const at = line.indexOf(part.title);
      return at > 0 && !line.trimStart().startsWith(numbered) && !line.trimStart().startsWith(part.title);
    });
    if (inside) found.push(numbered);
  }
  return found;
}

export function noStructureError(items: readonly Item[]): ReportParseError {
  const lines = items.flatMap(linesOf);
  const rows = items.filter((i) => i.kind === 'row').length;
  const inside = titlesInsideLines(lines);
  const quoted = inside.slice(0, MAX_QUOTED);
  const more = inside.length > MAX_QUOTED ? `等 ${inside.length} 个` : '';
  const foundZh =
    inside.length > 0
      ? `读到 ${lines.length} 行文字，其中“${quoted.join('”“')}”${more}部分标题夹在行文中间，而不是单独成行`
      : `读到 ${lines.length} 行文字，没有“一、总体情况”等单独成行的部分标题`;
  const foundEn =
    inside.length > 0
      ? `${lines.length} lines of text, where the part titles ${quoted.map((t) => `"${t}"`).join(', ')}${inside.length > MAX_QUOTED ? ` and ${inside.length - MAX_QUOTED} more` : ''} sit inside lines instead of heading their own`
      : `${lines.length} lines of text without a part heading such as "一、总体情况" on a line of its own`;
  const tablesZh =
    rows > 0
      ? `${rows} 个表格行中没有一行是年报表格的行（如“规章”“行政许可”“一、本年新收政府信息公开申请数量”）`
      : '也没有表格';
  const tablesEn =
    rows > 0
      ? `none of ${rows} table rows is a row of the report's tables (such as 规章, 行政许可, 一、本年新收政府信息公开申请数量)`
      : 'no table';
  return new ReportParseError('NOT_A_REPORT', {
    zh: `未识别出年度报告的结构：${foundZh}；${tablesZh}。请上传保留标题分行和表格的原件（DOCX、PDF 或网页）。`,
    en: `No report structure was found: ${foundEn}; ${tablesEn}. Upload the original with its headings on their own lines and its tables (DOCX, PDF or the web page).`,
  });
}
