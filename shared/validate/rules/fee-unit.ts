/**
 * S8: 行政事业性收费 is printed in 万元; an amount typed in 元 is 10 000 times too large. Two signs:
 * - the cell's printed text carries "元" without "万" (e.g. "251000元");
 * - the amount is implausibly large for the kind of agency. Real 万元 figures run from a few to about
 *   100 000 for a whole city (7730.28, 14722.49, 96171.6), so the limits are per kind: a township above
 *   1 000 万元 or a department/other body above 10 000 万元 (1 亿元) of fees is far more likely 元; a
 *   government above 1 000 000 万元 (100 亿元); with the kind unknown, above 100 000 万元.
 */
import type { AgencyKind } from '#shared/registry/agency.ts';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import { cellName, finding, printed } from '../messages.ts';
import type { ValidationContext } from './rule.ts';

const AMOUNT = 'proactiveDisclosure.adminFees.amountWanYuan';

const LIMIT_WAN_YUAN: Readonly<Record<AgencyKind | 'unknown', number>> = {
  township: 1_000,
  subdistrict: 1_000,
  developmentZone: 10_000,
  department: 10_000,
  other: 10_000,
  government: 1_000_000,
  unknown: 100_000,
};

function printedInYuan(note: string | undefined): boolean {
  return note !== undefined && /元/.test(note) && !/万\s*元/.test(note);
}

export function checkFeeUnit(report: Report, context: ValidationContext, cells: CellValues): Finding[] {
  if (report.shapes.proactiveDisclosure !== '2021') return [];
  const amount = cells.at(AMOUNT);
  if (amount === null || amount === undefined) return [];
  const note = report.cellNotes[AMOUNT];
  const limit = LIMIT_WAN_YUAN[context.agencyKind ?? 'unknown'];
  const name = cellName(report, AMOUNT);
  if (printedInYuan(note)) {
    return [
      finding(
        'S8',
        [AMOUNT],
        {
          zh: `${name}原文为“${note}”，单位是元，而本栏单位为万元，请换算后填写（${printed(amount)} 元 = ${printed(amount / 10_000, 6)} 万元）。`,
          en: `${AMOUNT} was printed as "${note}", in 元; the column is in 万元 (${printed(amount / 10_000, 6)}).`,
        },
        { expected: amount / 10_000, actual: amount },
      ),
    ];
  }
  if (amount < limit) return [];
  return [
    finding(
      'S8',
      [AMOUNT],
      {
        zh: `${name}为 ${printed(amount)} 万元（${printed(amount / 10_000, 2)} 亿元），数额异常大，请确认是否把以元为单位的金额填进了万元栏。`,
        en: `${AMOUNT} is ${printed(amount)} 万元; an amount this large usually means it was entered in 元.`,
      },
      { actual: amount },
    ),
  ];
}
