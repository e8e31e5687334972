/**
 * Cells of provincial extra rows (e.g. Hubei's 其他主动公开文件 in 第二十条第（一）项). They have no fixed
 * key, so their path is `proactiveDisclosure.extraRows.<printed label>.<column>`, and whether a cell
 * is an amount or a signed change is read from its column.
 */
import {
  AMOUNT_COLUMNS,
  type ColumnLabel,
  PROACTIVE_2019_COLUMNS,
  PROACTIVE_2021_COLUMNS,
  SIGNED_COLUMNS,
} from '#shared/report/labels.ts';
import type { Cell, Report } from '#shared/report/model.ts';

export interface ExtraRowCell {
  readonly path: string;
  readonly rowLabel: string;
  readonly column: string;
  readonly columnLabel: string;
  readonly value: Cell;
  readonly kind: 'count' | 'signed' | 'amount';
}

const KNOWN_COLUMNS: Readonly<Record<string, ColumnLabel>> = { ...PROACTIVE_2019_COLUMNS, ...PROACTIVE_2021_COLUMNS };

export function extraRowPath(rowLabel: string, column: string): string {
  return `proactiveDisclosure.extraRows.${rowLabel}.${column}`;
}

function kindOf(column: string, label: string): ExtraRowCell['kind'] {
  if (AMOUNT_COLUMNS.has(column) || /金额|万元|元/.test(label)) return 'amount';
  if (SIGNED_COLUMNS.has(column) || /增\/?减/.test(label)) return 'signed';
  return 'count';
}

export function extraRowCells(report: Report): ExtraRowCell[] {
  const rows = report.proactiveDisclosure.extraRows ?? {};
  return Object.entries(rows).flatMap(([rowLabel, columns]) =>
    Object.entries(columns).map(([column, value]) => {
      const columnLabel = KNOWN_COLUMNS[column]?.label ?? column;
      return {
        path: extraRowPath(rowLabel, column),
        rowLabel,
        column,
        columnLabel,
        value,
        kind: kindOf(column, columnLabel),
      };
    }),
  );
}
