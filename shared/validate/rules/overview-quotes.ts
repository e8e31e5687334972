/**
 * Figures that 一、总体情况 quotes about applications, reconsiderations and lawsuits ("共收到政府信息公开
 * 申请12件", "办结11件，结转下年度1件", "无公开信息申请", "未发生行政复议、行政诉讼"). Reading prose is
 * guesswork, so the patterns are strict: a number counts only when a keyword is followed by filler words
 * alone ("申请共计12件"), and a clause naming a sub-count (自然人, 网上, 其中, 结果维持 …) is skipped.
 * Missing a quote costs nothing; a false quote would put a wrong warning in front of the filer.
 */

export type QuotedFigure = 'received' | 'processed' | 'carriedOver' | 'carriedForward' | 'review' | 'litigation';

export interface Quote {
  readonly figure: QuotedFigure;
  readonly value: number;
  /** The words that carry the figure, as printed. */
  readonly excerpt: string;
}

/** Words allowed between a keyword and its number. */
const FILLER =
  '(?:共计|总计|合计|累计|总数|数量|件数|政府信息公开|信息公开|依申请公开|申请|的|共|计|为|是|达|了|约|：|:|\\s)*';
const CASE_FILLER = '(?:申请|案件|案|的|共计|共|计|为|了|：|:|\\s)*';
const COUNT = '(\\d+)\\s*件';
const CASES = '(\\d+)\\s*(?:件|起|宗|次|个)';

interface NumberPattern {
  readonly figure: QuotedFigure;
  /** A word the pattern cannot match without: most clauses are skipped by a substring test. */
  readonly needs: string;
  readonly pattern: RegExp;
  /** Rejects a match by the words between keyword and noun, or by what precedes it in the clause. */
  readonly rejects?: (gap: string, before: string) => boolean;
}

/** A channel or applicant type before or inside the phrase makes it a sub-count ("通过网上收到申请10件"). */
const CHANNEL = /网上|网络|当面|信函|邮寄|邮件|传真|电话|其中/;
const SUB_COUNT = /复议|诉讼|结转|办结|答复|自然人|法人|企业|组织|机构|上年|去年/;
const NEGATED = /(?:不予|未|没有|无)$/;

const NUMBER_PATTERNS: readonly NumberPattern[] = [
  {
    figure: 'received',
    needs: '申请',
    pattern: new RegExp(
      `(?:新收|收到|受理|接收|接到|收悉)(\\D{0,20}?)(?:依申请公开|申请)(?:件|事项)?${FILLER}${COUNT}`,
      'g',
    ),
    rejects: (gap, before) => SUB_COUNT.test(gap) || CHANNEL.test(gap) || CHANNEL.test(before) || NEGATED.test(before),
  },
  {
    figure: 'processed',
    needs: '办结',
    pattern: new RegExp(`办结()${FILLER}${COUNT}`, 'g'),
    // 未办结 2 件 are the pending ones, not the processed ones.
    rejects: (_gap, before) => NEGATED.test(before),
  },
  {
    figure: 'carriedOver',
    needs: '结转',
    pattern: new RegExp(`(?:上一?年度?|去年)(?:的|：|\\s)*结转()${FILLER}${COUNT}`, 'g'),
  },
  {
    figure: 'carriedForward',
    needs: '结转',
    pattern: new RegExp(`结转(?:至|到|入)?(?:下一?年度?|次年)()${FILLER}(?:继续办理)?${FILLER}${COUNT}`, 'g'),
  },
  {
    // A bare "结转 2 件" after "办结 10 件" means carried forward; after 上年/去年 it means carried over.
    figure: 'carriedForward',
    needs: '结转',
    pattern: new RegExp(`结转()${FILLER}${COUNT}`, 'g'),
    rejects: (_gap, before) => /上一?年|去年|往年/.test(before) || /年度?$/.test(before),
  },
  { figure: 'review', needs: '复议', pattern: new RegExp(`(?:行政)?复议()${CASE_FILLER}${CASES}`, 'g') },
  { figure: 'litigation', needs: '诉讼', pattern: new RegExp(`(?:行政)?诉讼()${CASE_FILLER}${CASES}`, 'g') },
];

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function clausesOf(text: string): string[] {
  return toAsciiDigits(text)
    .split(/[。；;！!？?\n，,]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

function numberQuotes(clause: string): Quote[] {
  return NUMBER_PATTERNS.flatMap(({ figure, needs, pattern, rejects }) =>
    !clause.includes(needs)
      ? []
      : [...clause.matchAll(pattern)].flatMap((m): Quote[] => {
          const before = clause.slice(0, m.index);
          if (rejects?.(m[1] ?? '', before)) return [];
          return [{ figure, value: Number(m[2]), excerpt: m[0].trim() }];
        }),
  );
}

/** "无公开信息申请", "未收到政府信息公开申请"; not "无正当理由…申请", "无法…", "无需申请". */
const NO_APPLICATIONS = /(?:未收到|没有收到|未接到|未受理|没有|无)(\D{0,12}?)(?:依申请公开|申请)/;
const NOT_A_NEGATION = /^无(?:法|论|需|须|正当|偿)/;

/** "未发生行政复议、行政诉讼", "无因政府信息公开被申请行政复议的情况", "行政复议、行政诉讼均为0". */
const NO_CASES = /(?:未发生|没有发生|不存在|没有|未|无)(\D{0,20}?)(?:复议|诉讼)/;
const CASES_ARE_ZERO = /(?:复议|诉讼)\D*?(?:均|都)?为(?:0|零)\s*(?:件|起|宗)?$/;
/** Outcomes, not counts: "未发生…行政复议败诉案件" says nothing about how many cases there were. */
const CASE_STATUS = /审结|结案|判决|裁定|维持|纠正|纠错|败诉|撤销|违法|不利/;

function zeroQuotes(clause: string): Quote[] {
  const quotes: Quote[] = [];
  const aboutApplications = clause.includes('申请');
  const aboutCases = clause.includes('复议') || clause.includes('诉讼');
  if (!aboutApplications && !aboutCases) return quotes;
  const excerpt = clause.length > 40 ? `${clause.slice(0, 40)}…` : clause;
  const noApplications = aboutApplications ? NO_APPLICATIONS.exec(clause) : null;
  if (
    noApplications &&
    !/\d/.test(clause) &&
    !NOT_A_NEGATION.test(noApplications[0]) &&
    !/复议|诉讼|结转|办结|正当理由|超期|逾期|延期|超时|一例|一件/.test(clause)
  ) {
    quotes.push({ figure: 'received', value: 0, excerpt });
  }
  if (!aboutCases) return quotes;
  // 复议后起诉 is a lawsuit, not a reconsideration.
  const cases = clause.replaceAll('复议后起诉', '诉讼');
  const noCases = NO_CASES.exec(cases);
  const stated = (noCases && !/\d/.test(cases) && !CASE_STATUS.test(noCases[1] ?? '')) || CASES_ARE_ZERO.test(cases);
  if (stated && !CASE_STATUS.test(cases)) {
    if (cases.includes('复议')) quotes.push({ figure: 'review', value: 0, excerpt });
    if (cases.includes('诉讼')) quotes.push({ figure: 'litigation', value: 0, excerpt });
  }
  return quotes;
}

/** Every pattern above needs one of these words; most clauses of an overview have none. */
const TOPICS = ['申请', '办结', '结转', '复议', '诉讼'];

export function overviewQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  for (const clause of clausesOf(text)) {
    if (!TOPICS.some((topic) => clause.includes(topic))) continue;
    quotes.push(...numberQuotes(clause), ...zeroQuotes(clause));
  }
  return quotes;
}
