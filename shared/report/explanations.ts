/**
 * A filer's explanation of a warning it keeps (docs/spec/report-model.md §6): why a figure that looks wrong is
 * right. An explanation names its finding by a key made of the rule code and the paths, so the same content
 * checked again gives the same keys.
 */
import * as z from '#shared/zod.ts';
import { type Finding, RULE_GRADE, type RuleCode, RuleCodeSchema } from './findings.ts';

export const MAX_EXPLANATION_CHARS = 500;
/** A 核实性 (verification) warning kept as it is needs a reason, not "已核实" or "无误". */
export const MIN_VERIFICATION_EXPLANATION_CHARS = 10;

/** The fewest characters an explanation of the rule's warning may have: a 核实性 rule asks for a reason. */
export function minExplanationChars(code: RuleCode): number {
  return RULE_GRADE[code] === 'verification' ? MIN_VERIFICATION_EXPLANATION_CHARS : 1;
}

export const ExplanationSchema = z.lazy(() =>
  z.object({
    /** `findingKey` of the finding explained. */
    key: z.string().check(z.minLength(1)),
    code: RuleCodeSchema,
    paths: z.array(z.string()),
    text: z.string().check(z.minLength(1), z.maxLength(MAX_EXPLANATION_CHARS * 2)),
  }),
);
export type Explanation = z.infer<typeof ExplanationSchema>;

/** `Y3:proactiveDisclosure.licensing.decisions`; a finding on several cells lists them all, comma-separated. */
export function findingKey(finding: Pick<Finding, 'code' | 'paths'>): string {
  return `${finding.code}:${finding.paths.join(',')}`;
}

/** The explanation of each finding (by key), for pages that print them beside the findings. */
export function explanationsByKey(explanations: readonly Explanation[] | undefined): ReadonlyMap<string, string> {
  return new Map((explanations ?? []).map((e) => [e.key, e.text]));
}
