/**
 * The agency import file: a header row naming the columns, then one agency per line. Lists (e-mail addresses,
 * aliases) sit in one cell separated by ";" (the comma already separates cells). Regions may be written as people
 * write them (洪泽区, 淮安市洪泽区, 江苏省淮安市洪泽区) or as codes; each is resolved against the division table
 * here, so a file that names a region the table does not know is refused before anything is sent.
 */
import { type Agency, AgencySchema } from '#shared/registry/agency.ts';
import type { DivisionTable } from '#shared/registry/divisions/division-table.ts';
import { describeUnresolved, resolveRegion } from '#shared/registry/divisions/resolve-region.ts';
import { parseCsvRecords } from './csv-records.ts';
import { CliFailure } from './failure.ts';

export const AGENCY_CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'region',
  'creditCode',
  'supervisorId',
  'aliases',
  'contactEmails',
  'deadlineOverride',
] as const;
type Column = (typeof AGENCY_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['id', 'name', 'kind', 'region'];

export type AgencyCsvLine =
  | { readonly line: number; readonly ok: true; readonly agency: Agency; readonly supervisorNamed: boolean }
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

const listOf = (cell: string, separators: RegExp) => cell.split(separators).filter((e) => e !== '');

function agencyInputOf(fields: readonly string[], indexes: Map<Column, number>): Record<string, unknown> {
  const cell = (column: Column): string => {
    const i = indexes.get(column);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  return {
    id: cell('id'),
    name: cell('name'),
    kind: cell('kind'),
    region: cell('region'),
    creditCode: cell('creditCode') || null,
    // An empty cell leaves the supervisor to its default: the government of the agency's region.
    ...(cell('supervisorId') ? { supervisorId: cell('supervisorId') } : {}),
    aliases: listOf(cell('aliases'), /[;；]+/).map((a) => a.trim()),
    contactEmails: listOf(cell('contactEmails'), /[;；\s]+/),
    deadlineOverride: cell('deadlineOverride') || null,
  };
}

function problemOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(row)'}: ${issue.message}`).join('; ');
}

/** Every data line of the file, each either an agency with its region code or everything wrong with it. */
export function parseAgencyCsv(text: string, divisions: DivisionTable): AgencyCsvLine[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) throw new CliFailure('CSV 文件是空的', 'the CSV file is empty');
  const indexes = columnIndexes(header.fields);
  const seen = new Map<string, number>();
  return rows.map((row): AgencyCsvLine => {
    const input = agencyInputOf(row.fields, indexes);
    const problems: string[] = [];
    const parsed = AgencySchema.safeParse(input);
    if (!parsed.success) problems.push(problemOf(parsed.error.issues));
    const written = String(input.region);
    const region = written === '' ? null : resolveRegion(divisions, written);
    if (region === null) problems.push('region: 须写出行政区划名称或代码 / a region name or code is required');
    if (region !== null && !region.ok) problems.push(`region: ${describeUnresolved(written, region)}`);
    const id = String(input.id);
    const twin = seen.get(id);
    if (twin !== undefined) problems.push(`id: 与第 ${twin} 行重复 / repeats line ${twin}`);
    else seen.set(id, row.line);
    if (!parsed.success || region === null || !region.ok || problems.length > 0) {
      return { line: row.line, ok: false, id, problem: problems.join('; ') };
    }
    return {
      line: row.line,
      ok: true,
      agency: { ...parsed.data, regionCode: region.code, region: region.fullName },
      supervisorNamed: 'supervisorId' in input,
    };
  });
}
