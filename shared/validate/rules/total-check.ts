/** The one shape of every "总计 = sum of its parts" rule (H2, H3, H4): compare, then say which cells and by how much. */

import type { Finding, RuleCode } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import { cellName, finding, type Message, numbersAt, printed, sameAmount, sumOf } from '../messages.ts';
import { zeroTotalHint } from './total-hints.ts';

export interface TotalRule {
  readonly code: RuleCode;
  readonly totalPath: string;
  readonly partPaths: readonly string[];
  /** The sentence naming what the parts are; `total` is the cell's printed name, `a`/`e` the printed figures. */
  readonly describe: (names: { total: string; actual: string; expected: string }) => Message;
}

/** The total's path, then its parts': one list per rule, so its cells are looked up once per shape. */
const rulePaths = new WeakMap<TotalRule, readonly string[]>();
function pathsOf(rule: TotalRule): readonly string[] {
  let paths = rulePaths.get(rule);
  if (!paths) {
    paths = [rule.totalPath, ...rule.partPaths];
    rulePaths.set(rule, paths);
  }
  return paths;
}

/** No finding when the total matches, or when a cell is missing (H7 reports that; null is never 0). */
export function checkTotal(report: Report, cells: CellValues, rule: TotalRule): Finding[] {
  const paths = pathsOf(rule);
  const values = numbersAt(cells, paths);
  if (!values) return [];
  const [total = 0, ...parts] = values;
  const sum = sumOf(values);
  const expected = sumOf(parts).value;
  if (sameAmount(total, expected, sum.decimals)) return [];
  const sentence = rule.describe({
    total: cellName(report, rule.totalPath),
    actual: printed(total),
    expected: printed(expected, sum.decimals),
  });
  const hint = zeroTotalHint(total, parts);
  return [
    finding(rule.code, paths, { zh: sentence.zh + hint.zh, en: sentence.en + hint.en }, { expected, actual: total }),
  ];
}
