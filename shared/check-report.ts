/**
 * The whole offline check: read the bytes into a report, run every rule, and give one list of findings
 * (the parser's and the validator's, without repeats, in the validator's order).
 */
import { parseReport } from '#shared/parse/parse-report.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { mergeFindings } from '#shared/validate/order-findings.ts';
import { type ValidationContext, validateReport } from '#shared/validate/validate-report.ts';

export type ReportInput = Parameters<typeof parseReport>[0];

export interface CheckedReport {
  readonly report: Report;
  readonly findings: Finding[];
  /** Which reader and layout read the file, for diagnostics. */
  readonly layout: string;
}

/** Throws ReportParseError when the input cannot be read as a report at all. */
export async function checkReport(input: ReportInput, context: ValidationContext = {}): Promise<CheckedReport> {
  const parsed = await parseReport(input);
  const findings = mergeFindings(parsed.findings, validateReport(parsed.report, context), parsed.report.shapes);
  return { report: parsed.report, findings, layout: parsed.layout };
}
