/** Table-driven rule cases: a report, the context, and the findings one rule code must produce. */

import { expect } from 'vitest';
import type { Finding, RuleCode } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { type ValidationContext, validateReport } from '#shared/validate/validate-report.ts';

export interface ExpectedFinding {
  readonly paths: readonly string[];
  readonly expected?: number;
  readonly actual?: number;
  /** Fragments the Chinese message must contain (printed labels, numbers). */
  readonly zh?: readonly string[];
}

export interface RuleCase {
  readonly name: string;
  readonly report: () => Report;
  readonly context?: ValidationContext;
  readonly findings: readonly ExpectedFinding[];
}

export function findingsOf(code: RuleCode, report: Report, context?: ValidationContext): Finding[] {
  return validateReport(report, context).filter((f) => f.code === code);
}

export function expectFindings(actual: readonly Finding[], wanted: readonly ExpectedFinding[]): void {
  expect(actual.map((f) => f.paths)).toEqual(wanted.map((w) => w.paths));
  wanted.forEach((w, i) => {
    const f = actual[i];
    if (w.expected !== undefined) expect(f?.expected).toBe(w.expected);
    if (w.actual !== undefined) expect(f?.actual).toBe(w.actual);
    for (const fragment of w.zh ?? []) expect(f?.message.zh).toContain(fragment);
    expect(f?.message.en.length).toBeGreaterThan(0);
  });
}
