/**
 * The grades of statistical checks (强制 / 准强制 / 核实性), keyed as `RULE_GRADE` names them. Part of the label
 * table (`labels.ts` exports it), kept apart so a receipt prints a grade without loading every table's labels.
 */
export const CHECK_GRADE_LABELS = {
  mandatory: '强制',
  quasiMandatory: '准强制',
  verification: '核实性',
} as const;
