/**
 * Stable cell paths (`<table>.<row>.<column>`) and the printed label trail of each cell.
 * Findings, CSV rows and page anchors all use these, in this one canonical order.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  type ColumnLabel,
  PROACTIVE_2019_COLUMNS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_2021_COLUMNS,
  PROACTIVE_2021_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  TABLE_LABELS,
  type TableKey,
  TEXT_PART_LABELS,
} from './labels.ts';
import type { ApplicationsShape, Cell, Report, ReportFormat } from './model.ts';

export interface CellRef {
  readonly path: string;
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
  /** Printed row labels, outermost group first. */
  readonly rowLabels: readonly string[];
  /** Printed column labels, outermost group first. */
  readonly columnLabels: readonly string[];
}

function columnTrail(c: ColumnLabel): string[] {
  return c.group ? [c.group, c.label] : [c.label];
}

function proactiveRefs(format: ReportFormat): CellRef[] {
  const rows = format === '2021' ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
  const columns: Record<string, ColumnLabel> = format === '2021' ? PROACTIVE_2021_COLUMNS : PROACTIVE_2019_COLUMNS;
  return rows.flatMap((row) =>
    row.columns.map((column) => ({
      path: `proactiveDisclosure.${row.key}.${column}`,
      table: 'proactiveDisclosure' as const,
      row: row.key,
      column,
      rowLabels: [...row.groups, row.label],
      columnLabels: columnTrail(columns[column] as ColumnLabel),
    })),
  );
}

function applicationRefs(shape: ApplicationsShape): CellRef[] {
  const rows = shape === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  return rows.flatMap((row) =>
    APPLICANT_COLUMNS.map((column) => ({
      path: `applications.${row.key}.${column.key}`,
      table: 'applications' as const,
      row: row.key,
      column: column.key,
      rowLabels: [...row.groups, row.label],
      columnLabels: columnTrail(column),
    })),
  );
}

function reviewRefs(): CellRef[] {
  return REVIEW_GROUPS.flatMap((group) =>
    REVIEW_COLUMNS.map((column) => ({
      path: `reviewsAndLawsuits.${group.key}.${column.key}`,
      table: 'reviewsAndLawsuits' as const,
      row: group.key,
      column: column.key,
      rowLabels: [...group.groups, group.label],
      columnLabels: [column.label],
    })),
  );
}

const cache = new Map<string, readonly CellRef[]>();

/** Every cell of a report of the given shapes, in canonical order (表二, 表三 row by row, 表四). */
export function cellRefs(shapes: Report['shapes']): readonly CellRef[] {
  const key = `${shapes.proactiveDisclosure}/${shapes.applications}`;
  let refs = cache.get(key);
  if (!refs) {
    refs = [...proactiveRefs(shapes.proactiveDisclosure), ...applicationRefs(shapes.applications), ...reviewRefs()];
    cache.set(key, refs);
  }
  return refs;
}

/** Reads the cell at a path (`undefined` when the path does not exist in this report). */
export function cellAt(report: Report, path: string): Cell | undefined {
  const [table, row, column] = path.split('.');
  if (!table || !row || !column) return undefined;
  const t = (report as unknown as Record<string, Record<string, Record<string, Cell>> | undefined>)[table];
  return t?.[row]?.[column];
}

/** The printed label trail of a path, e.g. 表三 › （四）无法提供 › 1.本机关不掌握相关政府信息 › 自然人. */
export function describePath(path: string, shapes: Report['shapes']): string {
  if (path.startsWith('text.')) {
    const key = path.slice(5) as keyof typeof TEXT_PART_LABELS;
    return TEXT_PART_LABELS[key] ?? path;
  }
  const ref = cellRefs(shapes).find((r) => r.path === path);
  if (!ref) {
    const [table] = path.split('.');
    const t = TABLE_LABELS[table as TableKey];
    return t ? `${t.short} › ${path.split('.').slice(1).join(' › ')}` : path;
  }
  // The outermost group of 表三 (三、本年度办理结果) adds length without helping a filer find the row.
  const rowLabels =
    ref.table === 'applications' ? ref.rowLabels.filter((l) => l !== '三、本年度办理结果') : ref.rowLabels;
  return [TABLE_LABELS[ref.table].short, ...rowLabels, ...ref.columnLabels].join(' › ');
}

/** Position of a path in canonical order, for deterministic sorting; unknown paths sort last. */
export function pathOrder(path: string, shapes: Report['shapes']): number {
  const refs = cellRefs(shapes);
  const i = refs.findIndex((r) => r.path === path);
  if (i >= 0) return i;
  if (path.startsWith('text.')) return -1000 + Object.keys(TEXT_PART_LABELS).indexOf(path.slice(5));
  return refs.length;
}
