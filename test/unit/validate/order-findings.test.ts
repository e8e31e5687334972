import { describe, expect, it } from 'vitest';
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { findingPathOrder, mergeFindings } from '#shared/validate/order-findings.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { buildReport, modified } from '../../helpers/report-builder.ts';

const shapes: Report['shapes'] = { proactiveDisclosure: '2021', applications: '25-row' };
const REVIEW_PATHS = ['upheld', 'corrected', 'otherResult', 'pending', 'total'].flatMap((c) =>
  ['review', 'litigationDirect', 'litigationAfterReview'].map((g) => `reviewsAndLawsuits.${g}.${c}`),
);

const parserMissingTable: Finding = {
  code: 'H7',
  severity: 'error',
  paths: REVIEW_PATHS,
  message: { zh: '未找到表四（政府信息公开行政复议、行政诉讼情况）', en: 'Table 4 was not found' },
};

describe('mergeFindings', () => {
  const emptyTable4 = modified(buildReport('2021'), (r) => {
    for (const group of Object.values(r.reviewsAndLawsuits)) {
      for (const key of Object.keys(group) as (keyof typeof group)[]) group[key] = null;
    }
  });

  it('drops the validator H7 whose cells the parser already reported missing', () => {
    const merged = mergeFindings([parserMissingTable], validateReport(emptyTable4), shapes);
    expect(merged.filter((f) => f.code === 'H7')).toEqual([parserMissingTable]);
  });

  it('keeps a validator H7 on cells the parser did not name', () => {
    const partial = { ...parserMissingTable, paths: REVIEW_PATHS.slice(0, 3) };
    const merged = mergeFindings([partial], validateReport(emptyTable4), shapes);
    expect(merged.filter((f) => f.code === 'H7')).toHaveLength(2);
  });

  it('drops exact repeats and sorts the union', () => {
    const validator = validateReport(
      modified(buildReport('2021'), (r) => {
        r.text.overview = '';
      }),
    );
    const merged = mergeFindings(validator, [...validator].reverse(), shapes);
    expect(merged).toEqual(validator);
  });
});

describe('findingPathOrder', () => {
  it('puts document fields first, a table shape before its cells and extra rows after them', () => {
    const order = (p: string) => findingPathOrder(p, shapes);
    expect(order('title')).toBeLessThan(order('text.overview'));
    expect(order('text.overview')).toBeLessThan(order('proactiveDisclosure.regulations.issued'));
    expect(order('proactiveDisclosure.extraRows.其他.issued')).toBeLessThan(order('shapes.applications'));
    expect(order('shapes.applications')).toBeLessThan(order('applications.newReceived.naturalPerson'));
  });
});
