/** Findings as the public contract defines them (docs/spec/report-model.md §5). */
import * as z from '#shared/zod.ts';

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
  'C1',
  'C2',
] as const;
export const RuleCodeSchema = z.lazy(() => z.enum(RULE_CODES));
export type RuleCode = z.infer<typeof RuleCodeSchema>;

export const SeveritySchema = z.lazy(() => z.enum(['error', 'warning', 'info']));
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.lazy(() =>
  z.object({
    code: RuleCodeSchema,
    severity: SeveritySchema,
    paths: z.array(z.string()),
    expected: z.optional(z.nullable(z.number())),
    actual: z.optional(z.nullable(z.number())),
    message: z.object({ zh: z.string(), en: z.string() }),
    /** C1 only: the longest passages the text shares with last year's, as printed (each at most 60 characters). */
    passages: z.optional(z.array(z.string())),
  }),
);
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
  C1: 'warning',
  C2: 'warning',
};

/**
 * Statistics practice grades checks 强制 (must hold: an error), 准强制 (should hold; a departure is almost always
 * a mistake) and 核实性 (plausible but unusual: verify, and say why it is right). A 核实性 warning kept as it is
 * needs a real explanation (docs/spec/report-model.md §5).
 */
export const CheckGradeSchema = z.lazy(() => z.enum(['mandatory', 'quasiMandatory', 'verification']));
export type CheckGrade = z.infer<typeof CheckGradeSchema>;

export const RULE_GRADE: Record<RuleCode, CheckGrade> = {
  H1: 'mandatory',
  H2: 'mandatory',
  H3: 'mandatory',
  H4: 'mandatory',
  H5: 'mandatory',
  H6: 'mandatory',
  H7: 'mandatory',
  Y1: 'mandatory',
  Y2: 'quasiMandatory',
  Y3: 'verification',
  Y4: 'mandatory',
  S1: 'quasiMandatory',
  S2: 'quasiMandatory',
  S4: 'quasiMandatory',
  S5: 'quasiMandatory',
  S6: 'quasiMandatory',
  S7: 'verification',
  S8: 'verification',
  R1: 'verification',
  R2: 'quasiMandatory',
  C1: 'verification',
  C2: 'verification',
};

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
