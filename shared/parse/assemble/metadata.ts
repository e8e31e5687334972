/**
 * Title, agency, year and publication date. The year is the one the report covers (in its title), not
 * the year it was published; the date is the one printed under the signature at the end.
 */
import { matchForm } from './match-form.ts';

const TITLE_MARK = '年度报告';
const MAX_TITLE_LENGTH = 80;
const SENTENCE_PUNCTUATION = /[。！？；]/;
const YEAR = /((?:19|20)\d{2})\s*年度?/g;
const AGENCY_AFTER_YEAR = /^(.*?)(?:政府信息公开|政务公开|信息公开|年度报告)/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export interface Title {
  /** How many front lines the title takes (1, or 2 when the agency is printed on its own line above). */
  readonly lines: number;
  readonly text: string;
  readonly agency: string | null;
  readonly year: number | null;
}

/** The first match of a plausible report year, with where it starts and ends. */
function findYear(text: string): { year: number; start: number; end: number } | null {
  for (const m of text.matchAll(YEAR)) {
    const year = Number(m[1]);
    if (year >= MIN_YEAR && year <= MAX_YEAR) return { year, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

export function yearIn(text: string): number | null {
  return findYear(text)?.year ?? null;
}

function agencyInTitle(title: string): string | null {
  const y = findYear(title);
  if (!y) return null;
  const before = title.slice(0, y.start).trim();
  if (before !== '') return before;
  const after = AGENCY_AFTER_YEAR.exec(title.slice(y.end))?.[1]?.trim();
  return after ? after : null;
}

function isTitleLine(line: string): boolean {
  return line.includes(TITLE_MARK) && line.length <= MAX_TITLE_LENGTH && !SENTENCE_PUNCTUATION.test(line);
}

/**
 * The title: the first front line naming a 年度报告. Some pages print the agency on the line above and
 * the year and 年度报告 below ("韶关市曲江区总工会" / "2022年政府信息公开工作年度报告").
 */
export function findTitle(front: readonly string[]): { title: Title; at: number } | null {
  const at = front.findIndex(isTitleLine);
  if (at < 0) return null;
  const line = front[at] as string;
  const above = front[at - 1];
  const y = findYear(line);
  const startsWithYear = y !== null && line.slice(0, y.start).trim() === '';
  if (at === 1 && above !== undefined && startsWithYear && isSignatureLike(above)) {
    return { at: 0, title: { lines: 2, text: above + line, agency: above, year: y.year } };
  }
  return { at, title: { lines: 1, text: line, agency: agencyInTitle(line), year: y?.year ?? null } };
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ARABIC_DATE = /^(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./](\d{1,2})[-./](\d{1,2}))$/;
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/;

/** 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31. */
function chineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten < 0) return CHINESE_DIGITS[text] ?? Number.NaN;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[text.slice(0, ten)] ?? Number.NaN);
  const units = ten === text.length - 1 ? 0 : (CHINESE_DIGITS[text.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + units;
}

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return d.toISOString().slice(0, 10);
}

/** A line that is only a date: "2023年1月6日", "二〇二三年一月六日", "2023-01-06" → ISO date. */
export function readDateLine(line: string): string | null {
  const t = line.trim();
  const arabic = ARABIC_DATE.exec(t);
  if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2] ?? arabic[4]), Number(arabic[3] ?? arabic[5]));
  const chinese = CHINESE_DATE.exec(matchForm(t));
  if (!chinese) return null;
  const year = Number([...(chinese[1] ?? '')].map((c) => CHINESE_DIGITS[c]).join(''));
  return isoDate(year, chineseNumber(chinese[2] ?? ''), chineseNumber(chinese[3] ?? ''));
}

/** The last date printed alone on a line at the end of the document. */
export function findPublishedOn(tail: readonly string[]): string | null {
  for (let i = tail.length - 1; i >= 0; i--) {
    const date = readDateLine(tail[i] as string);
    if (date) return date;
  }
  return null;
}

const AGENCY_ENDING =
  /(?:局|委|委员会|办|办公室|会|院|府|厅|处|所|站|中心|街道|镇|乡|室|部|队|馆|社|司|组|团|署|庭|行|公司|区|县|市)$/;
const CLAUSE_PUNCTUATION = /[。，；：！？、,;:]/;
const MAX_SIGNATURE_LENGTH = 40;

/** A line that reads like an agency's name (a signature), not like prose. */
export function isSignatureLike(line: string): boolean {
  const form = matchForm(line);
  return (
    form.length >= 3 &&
    form.length <= MAX_SIGNATURE_LENGTH &&
    !CLAUSE_PUNCTUATION.test(form) &&
    !form.startsWith('（') &&
    AGENCY_ENDING.test(form)
  );
}

/** Removes the signature and date printed at the end of the last part; returns the signature. */
export function stripSignature(lines: string[], agency: string | null): string | null {
  let signature: string | null = null;
  const agencyForm = agency === null ? null : matchForm(agency);
  for (let n = 0; n < 3 && lines.length > 0; n++) {
    const last = lines[lines.length - 1] as string;
    if (readDateLine(last)) {
      lines.pop();
    } else if (signature === null && (matchForm(last) === agencyForm || isSignatureLike(last))) {
      signature = lines.pop() ?? null;
    } else {
      break;
    }
  }
  return signature;
}
