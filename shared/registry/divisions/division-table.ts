/**
 * The division table: code ↔ name ↔ parent ↔ level, and the name search that accepts the forms people write
 * (洪泽区, 淮安市洪泽区, 江苏省淮安市洪泽区, 江苏洪泽区). Pure: built from the vendored text by `loadDivisions()`.
 */
import { type DivisionLevel, divisionLevel, isWithinDivision, parentCode } from './division-code.ts';

export interface Division {
  readonly code: string;
  readonly name: string;
  readonly level: DivisionLevel;
  readonly parentCode: string | null;
}

/**
 * Rows that stand for "the city's districts" or "counties the province governs directly" rather than a place:
 * they keep their codes, but no one writes them in a name.
 */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Province and prefecture names are also written without their suffix (江苏, 淮安). */
const SHORTENABLE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

export function normalizePlaceName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/gu, '');
}

export class DivisionTable {
  readonly #byCode = new Map<string, Division>();
  readonly #byName = new Map<string, string[]>();
  #longestName = 0;

  /** `text`: one division per line, `<code><name>`, codes as the statistics bureau shortens them (2/4/6/9 digits). */
  constructor(text: string) {
    for (const line of text.split('\n')) {
      const m = /^(\d+)(.+)$/.exec(line);
      if (!m?.[1] || !m[2]) continue;
      const code = m[1].length < 6 ? m[1].padEnd(6, '0') : m[1];
      const level = divisionLevel(code);
      this.#byCode.set(code, { code, name: m[2], level, parentCode: parentCode(code) });
      if (PLACEHOLDER_NAMES.has(m[2])) continue;
      this.#index(m[2], code);
      if (level === 'province' || level === 'prefecture') {
        const suffix = SHORTENABLE_SUFFIXES.find((s) => m[2]?.endsWith(s) && m[2].length - s.length >= 2);
        if (suffix) this.#index(m[2].slice(0, -suffix.length), code);
      }
    }
  }

  #index(name: string, code: string): void {
    const codes = this.#byName.get(name) ?? [];
    codes.push(code);
    this.#byName.set(name, codes);
    this.#longestName = Math.max(this.#longestName, name.length);
  }

  get size(): number {
    return this.#byCode.size;
  }

  get(code: string): Division | null {
    return this.#byCode.get(code) ?? null;
  }

  children(code: string): Division[] {
    return [...this.#byCode.values()].filter((d) => d.parentCode === code);
  }

  /** Names from the province down to the division, without placeholder rows or a name repeated (东莞市东莞市). */
  nameChain(code: string): string[] {
    const names: string[] = [];
    for (let at = this.get(code); at !== null; at = at.parentCode ? this.get(at.parentCode) : null) {
      if (!PLACEHOLDER_NAMES.has(at.name) && names[0] !== at.name) names.unshift(at.name);
    }
    return names;
  }

  /** The full written name: 江苏省淮安市洪泽区. */
  fullName(code: string): string {
    return this.nameChain(code).join('');
  }

  /**
   * Every division a written name can mean: the name read as a chain of division names from the top down, each
   * inside the one before (levels may be left out: 江苏省洪泽区). Codes in the registry's form, table order.
   */
  search(query: string): Division[] {
    const text = normalizePlaceName(query);
    const codes = new Set(this.#readChain(text, null));
    return [...codes].flatMap((code) => this.get(code) ?? []);
  }

  #readChain(rest: string, within: string | null): string[] {
    if (rest === '') return within === null ? [] : [within];
    const found: string[] = [];
    for (let length = Math.min(rest.length, this.#longestName); length >= 1; length--) {
      for (const code of this.#byName.get(rest.slice(0, length)) ?? []) {
        if (within !== null && (code === within || !isWithinDivision(code, within))) continue;
        found.push(...this.#readChain(rest.slice(length), code));
      }
    }
    return found;
  }
}
