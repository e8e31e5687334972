/**
 * Building findings: severity from the rule table, numbers printed as the report prints them, cells
 * named by their printed label trail so a filer can find them in the Word file.
 */
import { decimalPlaces, formatNumber } from '#shared/render/format-number.ts';
import { type Finding, RULE_SEVERITY, type RuleCode } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { type CellValues, describePath } from '#shared/report/paths.ts';

export interface Message {
  readonly zh: string;
  readonly en: string;
}

export interface FindingNumbers {
  readonly expected?: number | undefined;
  readonly actual?: number | undefined;
}

/** A finding with the keys in the order of the contract (code, severity, paths, expected, actual, message). */
export function finding(
  code: RuleCode,
  paths: readonly string[],
  message: Message,
  numbers: FindingNumbers = {},
): Finding {
  return {
    code,
    severity: RULE_SEVERITY[code],
    paths: [...paths],
    ...(numbers.expected === undefined ? {} : { expected: numbers.expected }),
    ...(numbers.actual === undefined ? {} : { actual: numbers.actual }),
    message: { zh: message.zh, en: message.en },
  };
}

/** 表三 › （四）无法提供 › 1.本机关不掌握相关政府信息 › 自然人 */
export function cellName(report: Report, path: string): string {
  return describePath(path, report.shapes);
}

/** The numbers at `paths`, or `null` when any is missing: arithmetic never reads a blank as 0 (H7 reports it). */
export function numbersAt(cells: CellValues, paths: readonly string[]): number[] | null {
  return cells.numbers(paths);
}

export interface Sum {
  readonly value: number;
  /** The most decimals printed among the addends: the precision the sum can claim. */
  readonly decimals: number;
}

export function sumOf(values: readonly number[]): Sum {
  let value = 0;
  let decimals = 0;
  for (const v of values) {
    value += v;
    decimals = Math.max(decimals, decimalPlaces(v));
  }
  return { value, decimals };
}

/** Equal within half a unit of the last printed decimal, so 0.1 + 0.2 equals a printed 0.3. */
export function sameAmount(a: number, b: number, decimals: number): boolean {
  return Math.abs(a - b) < 0.5 * 10 ** -decimals;
}

export function printed(n: number, decimals?: number): string {
  return formatNumber(n, decimals);
}
