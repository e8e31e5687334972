/**
 * The vendored 2023 division table, loaded on first use: the data (about 1 MB) is imported dynamically, so a
 * function that never asks for a name pays nothing at start, and one that does pays once per container.
 * Where the codes' structure is enough (ancestry, the county of a region) use `division-code.ts` instead.
 */
import { DivisionTable } from './division-table.ts';

export interface DivisionEdition {
  readonly source: string;
  readonly edition: string;
  readonly year: number;
  readonly licence: { readonly packageJson: string; readonly licenseFile: string };
  readonly counts: Readonly<Record<'province' | 'prefecture' | 'county' | 'township', number>>;
}

let loading: Promise<{ table: DivisionTable; edition: DivisionEdition }> | null = null;

async function load(): Promise<{ table: DivisionTable; edition: DivisionEdition }> {
  const { default: data } = await import('./data/divisions-2023.json', { with: { type: 'json' } });
  const { divisions, ...edition } = data;
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
