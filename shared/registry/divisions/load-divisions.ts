/**
 * The vendored 2023 division table, read on first use: the data (about 1 MB) is a file beside the code, never
 * part of it, so no function carries it in its bundle or parses it at start, and one that asks for a name
 * pays once per container. The path is the same relative to this module in the sources and relative to a
 * bundled handler, which ships the file at `data/` beside itself (the function declares it in `files`).
 * Where the codes' structure is enough (ancestry, the county of a region) use `division-code.ts` instead.
 */
import { readFile } from 'node:fs/promises';
import { DivisionTable } from './division-table.ts';

/** Where the table lives, relative to this module and to a bundled handler alike. */
export const DIVISIONS_FILE = 'data/divisions-2023.json';

export interface DivisionEdition {
  readonly source: string;
  readonly edition: string;
  readonly year: number;
  readonly licence: { readonly packageJson: string; readonly licenseFile: string };
  readonly counts: Readonly<Record<'province' | 'prefecture' | 'county' | 'township', number>>;
}

/** The file: the edition's facts and the table as text, one `<code><name>` a line. */
type DivisionFile = DivisionEdition & { readonly divisions: string };

let loading: Promise<{ table: DivisionTable; edition: DivisionEdition }> | null = null;

async function load(): Promise<{ table: DivisionTable; edition: DivisionEdition }> {
  // Spelled out (not a constant) so bundlers and readers see the file beside the module.
  const text = await readFile(new URL('./data/divisions-2023.json', import.meta.url), 'utf8');
  const { divisions, ...edition } = JSON.parse(text) as DivisionFile;
  return { table: new DivisionTable(divisions), edition };
}

export async function loadDivisions(): Promise<DivisionTable> {
  loading ??= load();
  return (await loading).table;
}

/** Which edition the table is, from where, under which licence. */
export async function divisionEdition(): Promise<DivisionEdition> {
  loading ??= load();
  return (await loading).edition;
}
