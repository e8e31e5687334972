/**
 * One order for every list of findings, so the same report always prints the same list: errors, then
 * warnings, then info; within a severity by rule code (the order of the rule table); then by where the
 * first cell sits in the report (表二, 表三 row by row, 表四).
 */

import { type Finding, RULE_CODES, type Severity } from '#shared/report/findings.ts';
import { TABLE_LABELS, type TableKey } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { cellRefs, pathOrder, tableSpan } from '#shared/report/paths.ts';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Document fields come first, as they head the report (text parts follow at −1000, then the cells). */
const DOCUMENT_FIELDS = ['title', 'agency', 'year', 'publishedOn', 'format'];

function isTable(segment: string | undefined): segment is TableKey {
  return segment !== undefined && Object.hasOwn(TABLE_LABELS, segment);
}

/**
 * `pathOrder`, extended to the paths findings use beyond cells: a table's shape (`shapes.applications`)
 * sorts just before its cells, an extra row (`proactiveDisclosure.extraRows.…`) just after them.
 */
export function findingPathOrder(path: string, shapes: Report['shapes']): number {
  const refs = cellRefs(shapes);
  const direct = pathOrder(path, shapes);
  if (direct !== refs.length) return direct;
  const [first, second] = path.split('.');
  const field = DOCUMENT_FIELDS.indexOf(first ?? '');
  if (field >= 0) return -2000 + field;
  const table = isTable(first) ? first : first === 'shapes' && isTable(second) ? second : null;
  if (table === null) return refs.length;
  const span = tableSpan(table, shapes);
  return first === 'shapes' ? span.first - 0.25 : span.last + 0.25;
}

interface Keyed {
  readonly finding: Finding;
  readonly keys: readonly number[];
  readonly tie: string;
}

function keyed(finding: Finding, shapes: Report['shapes']): Keyed {
  const first = finding.paths[0];
  return {
    finding,
    keys: [
      SEVERITY_RANK[finding.severity],
      RULE_CODES.indexOf(finding.code),
      first === undefined ? Number.MAX_SAFE_INTEGER : findingPathOrder(first, shapes),
    ],
    // Findings on the same first cell (or on no cell) still need a fixed order.
    tie: `${finding.paths.join('\u0000')}\u0001${finding.message.zh}`,
  };
}

function compare(a: Keyed, b: Keyed): number {
  for (let i = 0; i < a.keys.length; i++) {
    const d = (a.keys[i] ?? 0) - (b.keys[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0;
}

export function sortFindings(findings: readonly Finding[], shapes: Report['shapes']): Finding[] {
  return findings
    .map((f) => keyed(f, shapes))
    .sort(compare)
    .map((k) => k.finding);
}

/** Findings the validator repeats when the parser already explained the gap (a missing table or part). */
const SUPERSEDED_BY_PARSER_H7: ReadonlySet<Finding['code']> = new Set(['H7', 'S5']);

/**
 * Parser and validator findings as one list: a validator H7 (or S5 on an absent text part) whose cells a
 * parser H7 already names is dropped, exact repeats are dropped, and the rest is sorted.
 */
export function mergeFindings(
  parserFindings: readonly Finding[],
  validatorFindings: readonly Finding[],
  shapes: Report['shapes'],
): Finding[] {
  const coveredByParser = new Set(parserFindings.filter((f) => f.code === 'H7').flatMap((f) => f.paths));
  const kept = validatorFindings.filter(
    (f) => !(SUPERSEDED_BY_PARSER_H7.has(f.code) && f.paths.length > 0 && f.paths.every((p) => coveredByParser.has(p))),
  );
  const seen = new Set<string>();
  const unique = [...parserFindings, ...kept].filter((f) => {
    const key = `${f.code}\u0000${f.paths.join('\u0000')}\u0000${f.message.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return sortFindings(unique, shapes);
}
