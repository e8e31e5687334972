/** What every rule is: a pure function of the report and what the filing service knows about it. */
import type { AgencyKind } from '#shared/registry/agency.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';

export interface ValidationContext {
  /** The filer's kind from the registry; enables S2 and sharpens S8. */
  readonly agencyKind?: AgencyKind | undefined;
  /** The agency's accepted report for the year before; enables Y1–Y3. */
  readonly previous?: Report | null | undefined;
  /** ISO date after which publication is late; enables S7. */
  readonly deadline?: string | null | undefined;
  /** The latest year a report can cover (last year, in China); bounds Y4 from above. */
  readonly latestReportYear?: number | null | undefined;
}

/** `cells` holds the report's cells, read once for all rules; `report` the rest (text, shapes, notes). */
export type Rule = (report: Report, context: ValidationContext, cells: CellValues) => Finding[];
