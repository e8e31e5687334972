/**
 * The seed report (韶关市曲江区总工会 2022, plain text copied from its web page, every figure 0) and the
 * variants the filing tests need, made by editing its text the way a filer would.
 */
import { readFileSync } from 'node:fs';
import type { Agency } from '#shared/registry/agency.ts';

export const SEED_TEXT = readFileSync(
  new URL('../../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt', import.meta.url),
  'utf8',
);

export const SEED_AGENCY: Agency = {
  id: 'qujiang-trade-union',
  name: '韶关市曲江区总工会',
  kind: 'other',
  regionCode: '440205',
  region: '广东省韶关市曲江区',
  creditCode: null,
  supervisorId: null,
  aliases: [],
  contactEmails: [],
  deadlineOverride: null,
};

export const OTHER_AGENCY: Agency = {
  id: 'qujiang-education-bureau',
  name: '韶关市曲江区教育局',
  kind: 'department',
  regionCode: '440205',
  region: '广东省韶关市曲江区',
  creditCode: null,
  supervisorId: null,
  aliases: [],
  contactEmails: [],
  deadlineOverride: null,
};

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The same report in different bytes (trailing spaces a copy-paste leaves), n = 1, 2, … */
export function respaced(text: string, n: number): string {
  return `${text}${' '.repeat(n)}`;
}

/** Sets the first (自然人) cell of a table-3 row, found by its printed label. */
export function withFirstCell(text: string, rowLabel: string, value: number): string {
  const at = text.indexOf(rowLabel);
  if (at === -1) throw new Error(`no row ${rowLabel} in the report`);
  const rest = text.slice(at).replace(/\t\u00a0?0\u00a0?\n/, `\t${value}\n`);
  return text.slice(0, at) + rest;
}

/** 自然人 received 1 where every total stays 0: breaks H1 and H3. */
export function withArithmeticError(text: string): string {
  return withFirstCell(text, '一、本年新收政府信息公开申请数量', 1);
}

/** The same agency's report for another year (title, text and publication date move with it). */
export function ofYear(text: string, year: number): string {
  return text.replaceAll('2022', String(year)).replace('2023年1月6日', `${year + 1}年1月6日`);
}
