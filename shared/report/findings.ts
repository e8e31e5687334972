/** Findings as the public contract defines them (docs/spec/report-model.md §5). */
import * as z from 'zod';

export const RULE_CODES = [
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'H7',
  'Y1',
  'Y2',
  'Y3',
  'Y4',
  'S1',
  'S2',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'R1',
  'R2',
] as const;
export const RuleCodeSchema = z.enum(RULE_CODES);
export type RuleCode = z.infer<typeof RuleCodeSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  code: RuleCodeSchema,
  severity: SeveritySchema,
  paths: z.array(z.string()),
  expected: z.number().nullable().optional(),
  actual: z.number().nullable().optional(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type Finding = z.infer<typeof FindingSchema>;

/** The severity each rule always has (docs/spec/report-model.md §5). */
export const RULE_SEVERITY: Record<RuleCode, Severity> = {
  H1: 'error',
  H2: 'error',
  H3: 'error',
  H4: 'error',
  H5: 'error',
  H6: 'error',
  H7: 'error',
  Y1: 'error',
  Y2: 'warning',
  Y3: 'warning',
  Y4: 'error',
  S1: 'warning',
  S2: 'warning',
  S4: 'warning',
  S5: 'warning',
  S6: 'warning',
  S7: 'warning',
  S8: 'warning',
  R1: 'warning',
  R2: 'warning',
};

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
