import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { ReportSchema } from '#shared/report/model.ts';
import { LAYOUTS_WITHOUT_BLANK_CELLS, TEXT_LAYOUTS, writeReportText } from '../../helpers/text-layouts.ts';
import { reportArbitrary } from './report-arbitrary.ts';

const encoder = new TextEncoder();

describe('text layouts round trip', () => {
  for (const layout of TEXT_LAYOUTS) {
    it(`reads back any report written in the ${layout} layout`, async () => {
      await fc.assert(
        fc.asyncProperty(reportArbitrary(!LAYOUTS_WITHOUT_BLANK_CELLS.has(layout)), async (report) => {
          const parsed = await parseReport({ bytes: encoder.encode(writeReportText(report, layout)) });
          expect(parsed.layout).toBe(`text/${layout}`);
          expect(parsed.findings).toEqual([]);
          expect(parsed.report).toEqual(report);
          expect(ReportSchema.safeParse(parsed.report).success).toBe(true);
        }),
        { numRuns: 60 },
      );
    }, 60_000);
  }
});
