/**
 * The agency import file: a header row naming the columns, then one agency per line. Lists of e-mail
 * addresses sit in one cell separated by ";" (the comma already separates cells).
 */
import { type Agency, AgencySchema } from '#shared/registry/agency.ts';
import { parseCsvRecords } from './csv-records.ts';
import { CliFailure } from './failure.ts';

export const AGENCY_CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'region',
  'supervisorId',
  'contactEmails',
  'deadlineOverride',
] as const;
type Column = (typeof AGENCY_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['id', 'name', 'kind', 'region'];

export type AgencyCsvLine =
  | { readonly line: number; readonly ok: true; readonly agency: Agency }
  | { readonly line: number; readonly ok: false; readonly id: string; readonly problem: string };

function columnIndexes(header: readonly string[]): Map<Column, number> {
  const indexes = new Map<Column, number>();
  header.forEach((raw, i) => {
    const name = raw.trim();
    if (!(AGENCY_CSV_COLUMNS as readonly string[]).includes(name)) {
      throw new CliFailure(
        `CSV 表头有未知列 ${name}（应为 ${AGENCY_CSV_COLUMNS.join(',')}）`,
        `unknown CSV column ${name} (expected ${AGENCY_CSV_COLUMNS.join(',')})`,
      );
    }
    indexes.set(name as Column, i);
  });
  const missing = REQUIRED.filter((c) => !indexes.has(c));
  if (missing.length > 0) {
    throw new CliFailure(`CSV 表头缺少列 ${missing.join(',')}`, `the CSV header lacks ${missing.join(',')}`);
  }
  return indexes;
}

function agencyInputOf(fields: readonly string[], indexes: Map<Column, number>): Record<string, unknown> {
  const cell = (column: Column): string => {
    const i = indexes.get(column);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const emails = cell('contactEmails')
    .split(/[;；\s]+/)
    .filter((e) => e !== '');
  return {
    id: cell('id'),
    name: cell('name'),
    kind: cell('kind'),
    region: cell('region'),
    supervisorId: cell('supervisorId') || null,
    contactEmails: emails,
    deadlineOverride: cell('deadlineOverride') || null,
  };
}

function problemOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(row)'}: ${issue.message}`).join('; ');
}

/** Every data line of the file, each either an agency or what is wrong with it. */
export function parseAgencyCsv(text: string): AgencyCsvLine[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) throw new CliFailure('CSV 文件是空的', 'the CSV file is empty');
  const indexes = columnIndexes(header.fields);
  return rows.map((row) => {
    const input = agencyInputOf(row.fields, indexes);
    const parsed = AgencySchema.safeParse(input);
    if (parsed.success) return { line: row.line, ok: true, agency: parsed.data };
    return { line: row.line, ok: false, id: String(input.id), problem: problemOf(parsed.error.issues) };
  });
}
