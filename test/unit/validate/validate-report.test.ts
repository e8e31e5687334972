import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '#shared/report/findings.ts';
import { sortFindings } from '#shared/validate/order-findings.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import {
  buildReport,
  modified,
  previousYearOf,
  withCells,
  withText,
  zeroReport,
} from '../../helpers/report-builder.ts';

const faulty = () =>
  modified(
    withText(
      withCells(buildReport('2021'), {
        'reviewsAndLawsuits.litigationDirect.total': 0,
        'applications.granted.naturalPerson': null,
        'applications.carriedForward.total': 1,
        'proactiveDisclosure.penalty.decisions': -4,
        'proactiveDisclosure.adminFees.amountWanYuan': 500_000,
      }),
      'problemsAndImprovements',
      '无',
    ),
    (r) => {
      r.publishedOn = '2023-03-01';
    },
  );

describe('validateReport', () => {
  it.each(['2021', '2019'] as const)('finds nothing in a consistent %s-format report with every context', (shape) => {
    const report = buildReport(shape);
    const context = {
      agencyKind: 'government' as const,
      previous: previousYearOf(report),
      deadline: `${report.year + 1}-01-31`,
    };
    expect(validateReport(report, context)).toEqual([]);
  });

  it('finds nothing in the seed-like report of a trade union with all figures 0', () => {
    expect(validateReport(zeroReport(), { agencyKind: 'other', deadline: '2023-01-31' })).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    const codes = new Set(validateReport(faulty(), { deadline: '2023-01-31' }).map((f) => f.code));
    expect([...codes].sort()).toEqual(['H1', 'H3', 'H4', 'H5', 'H7', 'S1', 'S5', 'S7', 'S8']);
  });

  it('orders errors before warnings, then by rule code, then by the first cell in the report', () => {
    const findings = validateReport(faulty(), { deadline: '2023-01-31' });
    const severities = findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
    const codes = findings.map((f) => RULE_CODES.indexOf(f.code));
    const errorCodes = codes.slice(0, severities.lastIndexOf('error') + 1);
    expect(errorCodes).toEqual([...errorCodes].sort((a, b) => a - b));
    const h1 = findings.filter((f) => f.code === 'H1').map((f) => f.paths[0]);
    expect(h1).toEqual(['applications.newReceived.total']);
    const h3 = findings.filter((f) => f.code === 'H3').map((f) => f.paths[0]);
    expect(h3).toEqual(['applications.carriedForward.total']);
  });

  it('gives the same order whatever order the rules produced their findings in', () => {
    const report = faulty();
    const findings = validateReport(report, { deadline: '2023-01-31' });
    fc.assert(
      fc.property(fc.shuffledSubarray(findings, { minLength: findings.length }), (shuffled) => {
        expect(sortFindings(shuffled, report.shapes)).toEqual(findings);
      }),
    );
  });

  it('is deterministic across runs', () => {
    expect(validateReport(faulty())).toEqual(validateReport(faulty()));
  });
});
