/**
 * The canonical report (public contract, `docs/spec/report-model.md`) as zod schemas.
 * Every table object is derived from `labels.ts`, so a key exists in exactly one place.
 */
import * as z from 'zod';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  PROACTIVE_2019_ROWS,
  PROACTIVE_2021_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
} from './labels.ts';

/** A table cell: a number, or `null` when the printed cell was blank or a placeholder (never 0). */
export const CellSchema = z.number().finite().nullable();
export type Cell = z.infer<typeof CellSchema>;

function objectOf<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  const shape = Object.fromEntries(keys.map((k) => [k, schema])) as { [P in K]: S };
  return z.strictObject(shape);
}

function rowObject<K extends string>(columns: readonly K[]) {
  return objectOf(columns, CellSchema);
}

type RowTemplate = { readonly key: string; readonly columns: readonly string[] };

type RowsOf<T extends readonly RowTemplate[]> = {
  [R in T[number] as R['key']]: z.ZodObject<{ [C in R['columns'][number]]: typeof CellSchema }, z.core.$strict>;
};

function tableObject<T extends readonly RowTemplate[]>(rows: T): RowsOf<T> {
  return Object.fromEntries(rows.map((r) => [r.key, rowObject(r.columns)])) as RowsOf<T>;
}

/** Provincial extra rows (e.g. Hubei's 其他主动公开文件), keyed by their printed label. */
export const ExtraRowsSchema = z.record(z.string(), z.record(z.string(), CellSchema));

export const ProactiveDisclosure2021Schema = z.strictObject({
  ...tableObject(PROACTIVE_2021_ROWS),
  extraRows: ExtraRowsSchema.optional(),
});
export const ProactiveDisclosure2019Schema = z.strictObject({
  ...tableObject(PROACTIVE_2019_ROWS),
  extraRows: ExtraRowsSchema.optional(),
});
export const ProactiveDisclosureSchema = z.union([ProactiveDisclosure2021Schema, ProactiveDisclosure2019Schema]);
export type ProactiveDisclosure2021 = z.infer<typeof ProactiveDisclosure2021Schema>;
export type ProactiveDisclosure2019 = z.infer<typeof ProactiveDisclosure2019Schema>;
export type ProactiveDisclosure = z.infer<typeof ProactiveDisclosureSchema>;

const applicantKeys = APPLICANT_COLUMNS.map((c) => c.key);
export const ApplicationRowSchema = rowObject(applicantKeys);
export type ApplicationRow = z.infer<typeof ApplicationRowSchema>;

export const Applications25Schema = objectOf(
  APPLICATION_ROWS_25.map((r) => r.key),
  ApplicationRowSchema,
);
export const Applications23Schema = objectOf(
  APPLICATION_ROWS_23.map((r) => r.key),
  ApplicationRowSchema,
);
export const ApplicationsSchema = z.union([Applications25Schema, Applications23Schema]);
export type Applications25 = z.infer<typeof Applications25Schema>;
export type Applications23 = z.infer<typeof Applications23Schema>;
export type Applications = z.infer<typeof ApplicationsSchema>;

export const ReviewGroupSchema = rowObject(REVIEW_COLUMNS.map((c) => c.key));
export const ReviewsAndLawsuitsSchema = objectOf(
  REVIEW_GROUPS.map((g) => g.key),
  ReviewGroupSchema,
);
export type ReviewGroup = z.infer<typeof ReviewGroupSchema>;
export type ReviewsAndLawsuits = z.infer<typeof ReviewsAndLawsuitsSchema>;

export const ReportFormatSchema = z.enum(['2021', '2019']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;
export const ApplicationsShapeSchema = z.enum(['25-row', '23-row']);
export type ApplicationsShape = z.infer<typeof ApplicationsShapeSchema>;

const IsoDateSchema = z.iso.date();

export const ReportTextSchema = z.strictObject({
  preamble: z.string(),
  overview: z.string(),
  problemsAndImprovements: z.string(),
  otherMatters: z.string(),
});
export type ReportText = z.infer<typeof ReportTextSchema>;

export const AgencyRefSchema = z.strictObject({
  name: z.string().min(1),
  /** Added by the registry when the report is filed. */
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

export const ReportSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    title: z.string(),
    agency: AgencyRefSchema,
    year: z.number().int().min(2000).max(2100),
    publishedOn: IsoDateSchema.nullable(),
    format: ReportFormatSchema,
    shapes: z.strictObject({
      proactiveDisclosure: ReportFormatSchema,
      applications: ApplicationsShapeSchema,
    }),
    text: ReportTextSchema,
    proactiveDisclosure: ProactiveDisclosureSchema,
    applications: ApplicationsSchema,
    reviewsAndLawsuits: ReviewsAndLawsuitsSchema,
    cellNotes: z.record(z.string(), z.string()),
  })
  .superRefine((report, ctx) => {
    // The shapes name which variant each table must be; a mismatch is a malformed document.
    const pd =
      report.shapes.proactiveDisclosure === '2021' ? ProactiveDisclosure2021Schema : ProactiveDisclosure2019Schema;
    if (!pd.safeParse(report.proactiveDisclosure).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['proactiveDisclosure'],
        message: `proactiveDisclosure does not have the ${report.shapes.proactiveDisclosure} shape`,
      });
    }
    const apps = report.shapes.applications === '25-row' ? Applications25Schema : Applications23Schema;
    if (!apps.safeParse(report.applications).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['applications'],
        message: `applications does not have the ${report.shapes.applications} shape`,
      });
    }
  });
export type Report = z.infer<typeof ReportSchema>;

/** Narrowing helpers: the shapes field is the discriminator of the two table variants. */
export function isProactive2021(report: Report): report is Report & { proactiveDisclosure: ProactiveDisclosure2021 } {
  return report.shapes.proactiveDisclosure === '2021';
}
export function isApplications25(report: Report): report is Report & { applications: Applications25 } {
  return report.shapes.applications === '25-row';
}

/** A table whose rows each have their own columns (表二), every cell blank. */
export type BlankRows<T extends readonly RowTemplate[]> = {
  [R in T[number] as R['key']]: Record<R['columns'][number], Cell>;
};

/** A blank table in the shape of its template rows, for a reader to fill in place. */
export function blankRows<T extends readonly RowTemplate[]>(rows: T): BlankRows<T> {
  const table: Record<string, Record<string, Cell>> = {};
  for (const r of rows) {
    const row: Record<string, Cell> = {};
    for (const c of r.columns) row[c] = null;
    table[r.key] = row;
  }
  return table as BlankRows<T>;
}

/** One blank row per list of columns; each table gets copies (copying a row is cheaper than building it). */
const blankRowsByColumns = new WeakMap<readonly { readonly key: string }[], Readonly<Record<string, Cell>>>();

/** A blank table whose rows share one set of columns (表三, 表四). */
export function blankGrid<K extends string, C extends string>(
  rows: readonly { readonly key: K }[],
  columns: readonly { readonly key: C }[],
): Record<K, Record<C, Cell>> {
  let blank = blankRowsByColumns.get(columns);
  if (!blank) {
    blank = Object.fromEntries(columns.map((c) => [c.key, null]));
    blankRowsByColumns.set(columns, blank);
  }
  const table: Partial<Record<K, Record<C, Cell>>> = {};
  for (const r of rows) table[r.key] = { ...blank } as Record<C, Cell>;
  return table as Record<K, Record<C, Cell>>;
}
