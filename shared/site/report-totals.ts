/** The headline figures of one report that the year page adds up across agencies. */
import type { Cell, Report } from '#shared/report/model.ts';

export interface ReportTotals {
  /** 本年新收政府信息公开申请数量 (总计). */
  readonly received: number;
  /** （一）予以公开. */
  readonly granted: number;
  /** （七）总计 of the outcomes. */
  readonly processed: number;
  /** 行政复议 总计. */
  readonly reviews: number;
  /** 行政诉讼 总计 (direct and after review). */
  readonly lawsuits: number;
}

export const TOTAL_LABELS: Readonly<Record<keyof ReportTotals, string>> = {
  received: '新收申请',
  granted: '予以公开',
  processed: '办理总计',
  reviews: '行政复议',
  lawsuits: '行政诉讼',
};

type Rows = Readonly<Record<string, Readonly<Record<string, Cell>> | undefined>>;

function total(table: unknown, row: string): number {
  return (table as Rows)[row]?.total ?? 0;
}

export function reportTotals(report: Report): ReportTotals {
  return {
    received: total(report.applications, 'newReceived'),
    granted: total(report.applications, 'granted'),
    processed: total(report.applications, 'totalProcessed'),
    reviews: total(report.reviewsAndLawsuits, 'review'),
    lawsuits:
      total(report.reviewsAndLawsuits, 'litigationDirect') + total(report.reviewsAndLawsuits, 'litigationAfterReview'),
  };
}

export function sumTotals(all: readonly ReportTotals[]): ReportTotals {
  const zero: ReportTotals = { received: 0, granted: 0, processed: 0, reviews: 0, lawsuits: 0 };
  return all.reduce(
    (sum, t) => ({
      received: sum.received + t.received,
      granted: sum.granted + t.granted,
      processed: sum.processed + t.processed,
      reviews: sum.reviews + t.reviews,
      lawsuits: sum.lawsuits + t.lawsuits,
    }),
    zero,
  );
}
