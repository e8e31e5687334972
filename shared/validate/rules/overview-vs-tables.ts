/**
 * S1: figures quoted in 一、总体情况 must match the tables. Real mismatches: a bureau's 2023 text says 2
 * applications, its table 3; 上海市政府办公厅 2019 says "复议诉讼均获维持" while 表四 shows cases pending.
 */

import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import { cellName, finding, numbersAt, printed } from '../messages.ts';
import { overviewQuotes, type Quote, type QuotedFigure } from './overview-quotes.ts';
import type { ValidationContext } from './rule.ts';

interface TableFigure {
  /** The cells whose sum the text should quote. */
  readonly paths: readonly string[];
  /** Sums the text may legitimately quote instead, e.g. received including those carried over. */
  readonly alternatives?: readonly (readonly string[])[];
}

const TABLE_FIGURES: Readonly<Record<QuotedFigure, TableFigure>> = {
  received: {
    paths: ['applications.newReceived.total'],
    // Many reports write "共受理申请12件，其中上年结转2件": 一 + 二 is a fair reading of 收到/受理.
    alternatives: [['applications.newReceived.total', 'applications.carriedOver.total']],
  },
  processed: { paths: ['applications.totalProcessed.total'] },
  carriedOver: { paths: ['applications.carriedOver.total'] },
  carriedForward: { paths: ['applications.carriedForward.total'] },
  review: { paths: ['reviewsAndLawsuits.review.total'] },
  litigation: {
    paths: ['reviewsAndLawsuits.litigationDirect.total', 'reviewsAndLawsuits.litigationAfterReview.total'],
  },
};

function sumAt(cells: CellValues, paths: readonly string[]): number | null {
  const values = numbersAt(cells, paths);
  return values ? values.reduce((a, b) => a + b, 0) : null;
}

function mismatch(report: Report, cells: CellValues, quote: Quote): Finding[] {
  const figure = TABLE_FIGURES[quote.figure];
  const value = sumAt(cells, figure.paths);
  if (value === null || value === quote.value) return [];
  if ((figure.alternatives ?? []).some((paths) => sumAt(cells, paths) === quote.value)) return [];
  const names = figure.paths.map((p) => cellName(report, p));
  const where = names.length === 1 ? names[0] : `${names.join('、')}两项之和`;
  // A zero statement ("无公开信息申请") carries no digit, so say which number it amounts to.
  const amounts = /\d/.test(quote.excerpt) ? '' : `（即 ${printed(quote.value)} 件）`;
  return [
    finding(
      'S1',
      [...figure.paths, 'text.overview'],
      {
        zh: `一、总体情况写有“${quote.excerpt}”${amounts}，与${where}（${printed(value)}）不一致。`,
        en: `The overview says "${quote.excerpt}" (${printed(quote.value)}) but ${figure.paths.join(' + ')} is ${printed(value)}.`,
      },
      { expected: value, actual: quote.value },
    ),
  ];
}

export function checkOverviewFigures(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  const seen = new Set<string>();
  return overviewQuotes(report.text.overview).flatMap((quote) => {
    const key = `${quote.figure}:${quote.value}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return mismatch(report, cells, quote);
  });
}
