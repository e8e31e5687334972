/**
 * H5 (counts are whole numbers ≥ 0) and H6 (amounts are numbers ≥ 0). 2019 本年增/减 is signed: real
 * reports print −11 and −417. Amounts (行政事业性收费 in 万元, 采购总金额) may carry decimals.
 */
import { decimalPlaces } from '#shared/render/format-number.ts';
import type { Finding } from '#shared/report/findings.ts';
import { AMOUNT_COLUMNS, SIGNED_COLUMNS, TABLE_LABELS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { cellAt, cellRefs } from '#shared/report/paths.ts';
import { extraRowCells } from '../extra-row-cells.ts';
import { cellName, finding, printed } from '../messages.ts';

/** 万元 to 分 is six decimals; anything finer is a misread number, not a sum of money. */
const MAX_AMOUNT_DECIMALS = 6;

interface CheckedCell {
  readonly path: string;
  readonly name: string;
  readonly value: number;
  readonly kind: 'count' | 'signed' | 'amount';
}

function checkedCells(report: Report): CheckedCell[] {
  const standard = cellRefs(report.shapes).flatMap((ref): CheckedCell[] => {
    const value = cellAt(report, ref.path) ?? null;
    if (value === null) return [];
    const kind = AMOUNT_COLUMNS.has(ref.column) ? 'amount' : SIGNED_COLUMNS.has(ref.column) ? 'signed' : 'count';
    return [{ path: ref.path, name: cellName(report, ref.path), value, kind }];
  });
  const extra = extraRowCells(report).flatMap((cell): CheckedCell[] =>
    cell.value === null
      ? []
      : [
          {
            path: cell.path,
            name: [TABLE_LABELS.proactiveDisclosure.short, cell.rowLabel, cell.columnLabel].join(' › '),
            value: cell.value,
            kind: cell.kind,
          },
        ],
  );
  return [...standard, ...extra];
}

function countFinding(cell: CheckedCell): Finding[] {
  const whole = Number.isInteger(cell.value);
  if (cell.kind === 'signed' ? whole : whole && cell.value >= 0) return [];
  const wanted =
    cell.kind === 'signed' ? { zh: '整数', en: 'a whole number' } : { zh: '非负整数', en: 'a whole number ≥ 0' };
  return [
    finding(
      'H5',
      [cell.path],
      {
        zh: `${cell.name}：应为${wanted.zh}（件数），实际为 ${printed(cell.value)}。`,
        en: `${cell.path} must be ${wanted.en} (a count), but is ${printed(cell.value)}.`,
      },
      { actual: cell.value },
    ),
  ];
}

function amountFinding(cell: CheckedCell): Finding[] {
  const decimals = decimalPlaces(cell.value);
  if (Number.isFinite(cell.value) && cell.value >= 0 && decimals <= MAX_AMOUNT_DECIMALS) return [];
  const problem =
    Number.isFinite(cell.value) && cell.value < 0
      ? { zh: '金额不能为负数', en: 'an amount cannot be negative' }
      : { zh: `金额的小数位过多（${decimals} 位），请核对数值与单位`, en: `too many decimals (${decimals})` };
  return [
    finding(
      'H6',
      [cell.path],
      {
        zh: `${cell.name}：${problem.zh}，实际为 ${printed(cell.value)}。`,
        en: `${cell.path}: ${problem.en}; the cell holds ${printed(cell.value)}.`,
      },
      { actual: cell.value },
    ),
  ];
}

export function checkCounts(report: Report): Finding[] {
  return checkedCells(report)
    .filter((c) => c.kind !== 'amount')
    .flatMap(countFinding);
}

export function checkAmounts(report: Report): Finding[] {
  return checkedCells(report)
    .filter((c) => c.kind === 'amount')
    .flatMap(amountFinding);
}
