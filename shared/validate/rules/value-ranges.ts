/**
 * H5 (counts are whole numbers ≥ 0, below 10⁷) and H6 (amounts are numbers ≥ 0, below 10⁹ 万元). 2019 本年增/减 is signed: real
 * reports print −11 and −417. Amounts (行政事业性收费 in 万元, 采购总金额) may carry decimals.
 */
import { decimalPlaces } from '#shared/render/format-number.ts';
import type { Finding } from '#shared/report/findings.ts';
import { TABLE_LABELS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellKind, CellRef, CellValues } from '#shared/report/paths.ts';
import { extraRowCells } from '../extra-row-cells.ts';
import { cellName, finding, printed } from '../messages.ts';
import type { ValidationContext } from './rule.ts';

/** 万元 to 分 is six decimals; anything finer is a misread number, not a sum of money. */
const MAX_AMOUNT_DECIMALS = 6;
/**
 * Bounds no real figure comes near (a whole province receives some 10⁵ applications a year), so that a
 * runaway figure (1e300, or 26 printed nines that a double can only round) is refused, never published.
 */
export const MAX_COUNT = 10_000_000;
/** 10⁹ 万元, with six decimals: fifteen significant digits, which a double holds exactly. */
export const MAX_AMOUNT = 1_000_000_000;

interface CheckedCell {
  readonly path: string;
  /** The printed name of a provincial extra row's cell; a template cell's is looked up only for a finding. */
  readonly name: string | null;
  readonly value: number;
  readonly kind: CellKind;
}

/** Positions of a shape's cells split once into counts (signed or not) and amounts: H5 and H6 each visit theirs. */
const split = new WeakMap<readonly CellRef[], { readonly counts: number[]; readonly amounts: number[] }>();

function positionsOfKind(refs: readonly CellRef[], amounts: boolean): readonly number[] {
  let parts = split.get(refs);
  if (!parts) {
    const positions = refs.map((_, i) => i);
    parts = {
      counts: positions.filter((i) => refs[i]?.kind !== 'amount'),
      amounts: positions.filter((i) => refs[i]?.kind === 'amount'),
    };
    split.set(refs, parts);
  }
  return amounts ? parts.amounts : parts.counts;
}

function countIsValid(value: number, kind: CellKind): boolean {
  if (!Number.isInteger(value) || Math.abs(value) >= MAX_COUNT) return false;
  return kind === 'signed' || value >= 0;
}

function amountIsValid(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value < MAX_AMOUNT && decimalPlaces(value) <= MAX_AMOUNT_DECIMALS;
}

/**
 * The filled cells of one kind (amounts, or counts and signed changes) that may break their rule, provincial
 * extra rows included; a template cell that is plainly valid goes no further.
 */
function checkedCells(report: Report, cells: CellValues, amounts: boolean): CheckedCell[] {
  const checked: CheckedCell[] = [];
  for (const i of positionsOfKind(cells.refs, amounts)) {
    const value = cells.values[i];
    const ref = cells.refs[i];
    if (value === null || value === undefined || !ref) continue;
    if (amounts ? amountIsValid(value) : countIsValid(value, ref.kind)) continue;
    checked.push({ path: ref.path, name: null, value, kind: ref.kind });
  }
  for (const cell of extraRowCells(report)) {
    if (cell.value === null || (cell.kind === 'amount') !== amounts) continue;
    const name = [TABLE_LABELS.proactiveDisclosure.short, cell.rowLabel, cell.columnLabel].join(' › ');
    checked.push({ path: cell.path, name, value: cell.value, kind: cell.kind });
  }
  return checked;
}

function countFinding(report: Report, cell: CheckedCell): Finding[] {
  if (countIsValid(cell.value, cell.kind)) return [];
  const wanted =
    cell.kind === 'signed'
      ? { zh: '整数（件数，绝对值小于 10,000,000）', en: 'a whole number (a count) between −10,000,000 and 10,000,000' }
      : { zh: '非负整数（件数，小于 10,000,000）', en: 'a whole number ≥ 0 (a count) below 10,000,000' };
  return [
    finding(
      'H5',
      [cell.path],
      {
        zh: `${cell.name ?? cellName(report, cell.path)}：应为${wanted.zh}，实际为 ${printed(cell.value)}。`,
        en: `${cell.path} must be ${wanted.en}, but is ${printed(cell.value)}.`,
      },
      { actual: cell.value },
    ),
  ];
}

function amountFinding(report: Report, cell: CheckedCell): Finding[] {
  if (amountIsValid(cell.value)) return [];
  const decimals = decimalPlaces(cell.value);
  const problem =
    !Number.isFinite(cell.value) || cell.value >= MAX_AMOUNT
      ? { zh: '金额超出合理范围（应小于 10 亿），请核对数值与单位', en: `an amount must be below ${MAX_AMOUNT}` }
      : cell.value < 0
        ? { zh: '金额不能为负数', en: 'an amount cannot be negative' }
        : { zh: `金额的小数位过多（${decimals} 位），请核对数值与单位`, en: `too many decimals (${decimals})` };
  return [
    finding(
      'H6',
      [cell.path],
      {
        zh: `${cell.name ?? cellName(report, cell.path)}：${problem.zh}，实际为 ${printed(cell.value)}。`,
        en: `${cell.path}: ${problem.en}; the cell holds ${printed(cell.value)}.`,
      },
      { actual: cell.value },
    ),
  ];
}

export function checkCounts(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  return checkedCells(report, cells, false).flatMap((cell) => countFinding(report, cell));
}

export function checkAmounts(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  return checkedCells(report, cells, true).flatMap((cell) => amountFinding(report, cell));
}
