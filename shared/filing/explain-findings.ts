/**
 * The explanations a filer sends with a filing, checked against the findings its report actually raised:
 * only warnings can be explained (errors still block), each at most once, in 1–500 characters, and a 核实性
 * warning in at least 10. A refusal is a 422 naming the key, before anything is stored.
 */
import { createHash } from 'node:crypto';
import {
  type Explanation,
  findingKey,
  MAX_EXPLANATION_CHARS,
  minExplanationChars,
} from '#shared/report/explanations.ts';
import type { Finding } from '#shared/report/findings.ts';
import { FilingError } from './errors.ts';

/** What a request sends: finding key → text. */
export type RequestedExplanations = Readonly<Record<string, string>>;

const charCount = (text: string): number => Array.from(text).length;

/** The request's explanations as sorted [key, text] pairs, texts trimmed: one form for equality and digests. */
export function canonicalExplanations(requested: RequestedExplanations): [string, string][] {
  return Object.entries(requested)
    .map(([key, text]): [string, string] => [key, text.trim()])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * What names a filing's content for replays: the bytes' sha256 alone when nothing is explained (so the
 * digest of a plain filing is its sha256), else a digest of the sha256 and the explanations. The same document
 * sent again with explanations is another filing, not a replay of the first.
 */
export function filingDigest(sha256: string, explanations: readonly (readonly [string, string])[]): string {
  if (explanations.length === 0) return sha256;
  return createHash('sha256')
    .update(`${sha256}\n${JSON.stringify(explanations)}`)
    .digest('hex');
}

export function storedDigest(sha256: string, explanations: readonly Explanation[] | undefined): string {
  return filingDigest(
    sha256,
    canonicalExplanations(Object.fromEntries((explanations ?? []).map((e) => [e.key, e.text]))),
  );
}

type ExplanationErrorCode = 'EXPLANATION_NOT_APPLICABLE' | 'EXPLANATION_TOO_SHORT' | 'EXPLANATION_TOO_LONG';

function refused(code: ExplanationErrorCode, zh: string, en: string, key: string) {
  return new FilingError(code, { zh, en }, { details: { key } });
}

/** The explanations, in the order of the findings they explain; throws a FilingError for the first bad one. */
export function explainFindings(findings: readonly Finding[], requested: RequestedExplanations): Explanation[] {
  const pairs = canonicalExplanations(requested);
  if (pairs.length === 0) return [];
  const byKey = new Map(findings.map((f) => [findingKey(f), f]));
  for (const [key, text] of pairs) {
    const f = byKey.get(key);
    if (f?.severity !== 'warning') {
      throw refused(
        'EXPLANATION_NOT_APPLICABLE',
        f ? `“${key}”是错误，不能用说明代替更正，请修改报告` : `本报告没有“${key}”这条警告，无需说明`,
        f ? `${key} is an error: correct the report instead` : `The report raised no warning ${key}`,
        key,
      );
    }
    const min = minExplanationChars(f.code);
    if (charCount(text) < min) {
      throw refused(
        'EXPLANATION_TOO_SHORT',
        min === 1
          ? `对“${key}”的说明是空的，请写明理由`
          : `“${key}”是核实性检查，说明至少需要 ${min} 个字，请写明数字为何如此（例如具体原因、依据）`,
        `The explanation of ${key} needs at least ${min} character(s)`,
        key,
      );
    }
    if (charCount(text) > MAX_EXPLANATION_CHARS) {
      throw refused(
        'EXPLANATION_TOO_LONG',
        `对“${key}”的说明超过 ${MAX_EXPLANATION_CHARS} 个字，请精简`,
        `The explanation of ${key} is longer than ${MAX_EXPLANATION_CHARS} characters`,
        key,
      );
    }
  }
  const texts = new Map(pairs);
  return findings.flatMap((f) => {
    const key = findingKey(f);
    const text = texts.get(key);
    if (text === undefined) return [];
    texts.delete(key);
    return [{ key, code: f.code, paths: [...f.paths], text }];
  });
}
