/** A region as written in a form or a CSV cell (a code or a name) resolved to one division code, or why not. */
import { normalizeDivisionCode } from './division-code.ts';
import type { DivisionTable } from './division-table.ts';

export type RegionResolution =
  | { readonly ok: true; readonly code: string; readonly fullName: string }
  | { readonly ok: false; readonly problem: 'unknown' | 'ambiguous'; readonly candidates: readonly string[] };

export function resolveRegion(table: DivisionTable, written: string): RegionResolution {
  const asCode = normalizeDivisionCode(written);
  if (asCode !== null) {
    return table.get(asCode)
      ? { ok: true, code: asCode, fullName: table.fullName(asCode) }
      : { ok: false, problem: 'unknown', candidates: [] };
  }
  const found = table.search(written);
  const [only] = found;
  if (found.length === 1 && only) return { ok: true, code: only.code, fullName: table.fullName(only.code) };
  return {
    ok: false,
    problem: found.length === 0 ? 'unknown' : 'ambiguous',
    candidates: found.slice(0, 5).map((d) => `${table.fullName(d.code)}（${d.code}）`),
  };
}

/** One line saying why a written region did not resolve, in both languages. */
export function describeUnresolved(written: string, r: Extract<RegionResolution, { ok: false }>): string {
  return r.problem === 'unknown'
    ? `区划“${written}”不在 2023 年统计用区划代码中 / region "${written}" is not in the 2023 division codes`
    : `区划“${written}”有多个可能：${r.candidates.join('、')}，请写出上级区划或代码 / region "${written}" is ambiguous; add its parent or write the code`;
}
