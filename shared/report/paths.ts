/**
 * Stable cell paths (`<table>.<row>.<column>`) and the printed label trail of each cell.
 * Findings, CSV rows and page anchors all use these, in this one canonical order.
 *
 * A report has one of four shape combinations, so everything here is worked out once per shape and
 * looked up by path afterwards: a check visits ~200 cells per rule, and a search per cell made it cells².
 */
import {
  AMOUNT_COLUMNS,
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
  SIGNED_COLUMNS,
  TABLE_LABELS,
  type TableKey,
  TEXT_PART_LABELS,
} from './labels.ts';
import type { ApplicationsShape, Cell, Report, ReportFormat } from './model.ts';

/** What a cell counts: documents or cases (whole, ≥ 0), a signed change (2019 本年增/减), or money. */
export type CellKind = 'count' | 'signed' | 'amount';

export interface CellRef {
  readonly path: string;
  readonly table: TableKey;
  readonly row: string;
  readonly column: string;
  /** Printed row labels, outermost group first. */
  readonly rowLabels: readonly string[];
  /** Printed column labels, outermost group first. */
  readonly columnLabels: readonly string[];
  readonly kind: CellKind;
}

type Shapes = Report['shapes'];

/** The outermost group of 表三 (三、本年度办理结果) adds length without helping a filer find the row. */
const RESULTS_GROUP = '三、本年度办理结果';

/** How findings name a template row: 表三 › （四）无法提供 › 1.本机关不掌握相关政府信息. */
export function rowName(table: TableKey, row: { readonly label: string; readonly groups: readonly string[] }): string {
  const groups = row.groups.filter((g) => g !== RESULTS_GROUP);
  return [TABLE_LABELS[table].short, ...groups, row.label].join(' › ');
}

export function cellKind(column: string): CellKind {
  return AMOUNT_COLUMNS.has(column) ? 'amount' : SIGNED_COLUMNS.has(column) ? 'signed' : 'count';
}

function columnTrail(c: ColumnLabel): string[] {
  return c.group ? [c.group, c.label] : [c.label];
}

function ref(table: TableKey, row: string, column: string, rowLabels: string[], columnLabels: string[]): CellRef {
  return { path: `${table}.${row}.${column}`, table, row, column, rowLabels, columnLabels, kind: cellKind(column) };
}

function proactiveRefs(format: ReportFormat): CellRef[] {
  const rows = format === '2021' ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
  const columns: Record<string, ColumnLabel> = format === '2021' ? PROACTIVE_2021_COLUMNS : PROACTIVE_2019_COLUMNS;
  return rows.flatMap((row) =>
    row.columns.map((column) =>
      ref(
        'proactiveDisclosure',
        row.key,
        column,
        [...row.groups, row.label],
        columnTrail(columns[column] as ColumnLabel),
      ),
    ),
  );
}

function applicationRefs(shape: ApplicationsShape): CellRef[] {
  const rows = shape === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  return rows.flatMap((row) =>
    APPLICANT_COLUMNS.map((column) =>
      ref('applications', row.key, column.key, [...row.groups, row.label], columnTrail(column)),
    ),
  );
}

function reviewRefs(): CellRef[] {
  return REVIEW_GROUPS.flatMap((group) =>
    REVIEW_COLUMNS.map((column) =>
      ref('reviewsAndLawsuits', group.key, column.key, [...group.groups, group.label], [column.label]),
    ),
  );
}

/** Everything about one shape combination, worked out once. */
interface ShapeIndex {
  readonly refs: readonly CellRef[];
  /** Canonical position of each cell path. */
  readonly order: ReadonlyMap<string, number>;
  /** Printed names, made the first time a finding asks for one. */
  readonly names: (string | undefined)[];
  /** First and last canonical position of each table's cells. */
  readonly spans: Readonly<Record<TableKey, { readonly first: number; readonly last: number }>>;
  /** Positions of lists of paths rules ask for again and again (`undefined`: not a cell of this shape). */
  readonly positions: WeakMap<readonly string[], readonly (number | undefined)[]>;
}

function buildIndex(shapes: Shapes): ShapeIndex {
  const refs = [...proactiveRefs(shapes.proactiveDisclosure), ...applicationRefs(shapes.applications), ...reviewRefs()];
  const span = (table: TableKey) => ({
    first: refs.findIndex((r) => r.table === table),
    last: refs.findLastIndex((r) => r.table === table),
  });
  return {
    refs,
    order: new Map(refs.map((r, i) => [r.path, i])),
    names: new Array<string | undefined>(refs.length),
    positions: new WeakMap(),
    spans: {
      proactiveDisclosure: span('proactiveDisclosure'),
      applications: span('applications'),
      reviewsAndLawsuits: span('reviewsAndLawsuits'),
    },
  };
}

const indexes = new Map<string, ShapeIndex>();

function shapeIndex(shapes: Shapes): ShapeIndex {
  const key = `${shapes.proactiveDisclosure}/${shapes.applications}`;
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(shapes);
    indexes.set(key, index);
  }
  return index;
}

/** Every cell of a report of the given shapes, in canonical order (表二, 表三 row by row, 表四). */
export function cellRefs(shapes: Shapes): readonly CellRef[] {
  return shapeIndex(shapes).refs;
}

/** Where the cells of one table sit in canonical order. */
export function tableSpan(table: TableKey, shapes: Shapes): { readonly first: number; readonly last: number } {
  return shapeIndex(shapes).spans[table];
}

/** The four table shapes a report can have, in canonical order. */
export const EVERY_SHAPE: readonly Shapes[] = [
  { proactiveDisclosure: '2021', applications: '25-row' },
  { proactiveDisclosure: '2021', applications: '23-row' },
  { proactiveDisclosure: '2019', applications: '25-row' },
  { proactiveDisclosure: '2019', applications: '23-row' },
];

let knownCellsOfEveryShape: ReadonlyMap<string, CellRef> | undefined;

/**
 * Every cell path of every shape, for reading a cell without splitting its path. Built at the first read, not
 * at import: it indexes all four shapes, and most functions that import this module never read a cell.
 */
function knownCells(): ReadonlyMap<string, CellRef> {
  knownCellsOfEveryShape ??= new Map(
    EVERY_SHAPE.flatMap((shapes) => cellRefs(shapes).map((r): [string, CellRef] => [r.path, r])),
  );
  return knownCellsOfEveryShape;
}

/** Any table of the model as rows of cells; `extraRows` is the one member whose values are rows. */
type TableView = Readonly<
  Partial<Record<string, Readonly<Partial<Record<string, Cell | Readonly<Partial<Record<string, Cell>>>>>>>>
>;

function isTableKey(key: string | undefined): key is TableKey {
  return key !== undefined && Object.hasOwn(TABLE_LABELS, key);
}

function valueAt(report: Report, table: TableKey, row: string, column: string): Cell | undefined {
  const rows: TableView = report[table];
  const value = Object.hasOwn(rows, row) ? rows[row]?.[column] : undefined;
  return typeof value === 'number' || value === null ? value : undefined;
}

/** A template cell's value: template keys are never names of Object.prototype members, so no own-property test. */
function templateValue(report: Report, ref: CellRef): Cell | undefined {
  const rows: TableView = report[ref.table];
  const value = rows[ref.row]?.[ref.column];
  return typeof value === 'number' || value === null ? value : undefined;
}

const EXTRA_ROWS = 'proactiveDisclosure.extraRows.';

/** Reads the cell at a path (`undefined` when the path does not exist in this report). */
export function cellAt(report: Report, path: string): Cell | undefined {
  const known = knownCells().get(path);
  if (known) return templateValue(report, known);
  if (path.startsWith(EXTRA_ROWS)) {
    // A provincial row is keyed by its printed label, which may itself hold a dot: the column is the last segment.
    const rest = path.slice(EXTRA_ROWS.length);
    const dot = rest.lastIndexOf('.');
    const row = report.proactiveDisclosure.extraRows?.[rest.slice(0, dot)];
    return dot > 0 && row && Object.hasOwn(row, rest.slice(dot + 1)) ? row[rest.slice(dot + 1)] : undefined;
  }
  const [table, row, column, ...more] = path.split('.');
  if (!isTableKey(table) || row === undefined || column === undefined || more.length > 0) return undefined;
  return valueAt(report, table, row, column);
}

/** A report's cells read once, in canonical order: a check reads each cell of the report a single time. */
export interface CellValues {
  readonly refs: readonly CellRef[];
  /** The value of each of `refs`, by position. */
  readonly values: readonly Cell[];
  /** The cell at a path, as `cellAt` reads it. */
  at(path: string): Cell | undefined;
  /** The numbers at `paths`, or `null` when any is missing; a rule's constant list of paths is looked up once. */
  numbers(paths: readonly string[]): number[] | null;
}

export function readCellValues(report: Report): CellValues {
  const index = shapeIndex(report.shapes);
  const values = index.refs.map((ref) => templateValue(report, ref) ?? null);
  const at = (path: string): Cell | undefined => {
    const i = index.order.get(path);
    if (i !== undefined) return values[i];
    // A template cell of the other shape (2021's 收费金额 in a 2019 report) is not in this report.
    return knownCells().has(path) ? undefined : cellAt(report, path);
  };
  return {
    refs: index.refs,
    values,
    at,
    numbers(paths) {
      let positions = index.positions.get(paths);
      if (!positions) {
        positions = paths.map((p) => index.order.get(p));
        index.positions.set(paths, positions);
      }
      const numbers: number[] = [];
      for (let k = 0; k < paths.length; k++) {
        const i = positions[k];
        const value = i === undefined ? at(paths[k] as string) : values[i];
        if (value === null || value === undefined) return null;
        numbers.push(value);
      }
      return numbers;
    },
  };
}

function nameOf(ref: CellRef): string {
  const rowLabels = ref.table === 'applications' ? ref.rowLabels.filter((l) => l !== RESULTS_GROUP) : ref.rowLabels;
  return [TABLE_LABELS[ref.table].short, ...rowLabels, ...ref.columnLabels].join(' › ');
}

/** The printed label trail of a path, e.g. 表三 › （四）无法提供 › 1.本机关不掌握相关政府信息 › 自然人. */
export function describePath(path: string, shapes: Shapes): string {
  if (path.startsWith('text.')) {
    const key = path.slice(5);
    return Object.hasOwn(TEXT_PART_LABELS, key) ? TEXT_PART_LABELS[key as keyof typeof TEXT_PART_LABELS] : path;
  }
  const index = shapeIndex(shapes);
  const i = index.order.get(path);
  const ref = i === undefined ? undefined : index.refs[i];
  if (i === undefined || !ref) {
    const [table] = path.split('.');
    return isTableKey(table) ? `${TABLE_LABELS[table].short} › ${path.split('.').slice(1).join(' › ')}` : path;
  }
  index.names[i] ??= nameOf(ref);
  return index.names[i];
}

const TEXT_PART_KEYS = Object.keys(TEXT_PART_LABELS);

/** Position of a path in canonical order, for deterministic sorting; unknown paths sort last. */
export function pathOrder(path: string, shapes: Shapes): number {
  const index = shapeIndex(shapes);
  const i = index.order.get(path);
  if (i !== undefined) return i;
  if (path.startsWith('text.')) return -1000 + TEXT_PART_KEYS.indexOf(path.slice(5));
  return index.refs.length;
}
