import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { RULE_CODES, type RuleCode } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { ValidationContext } from '#shared/validate/validate-report.ts';
import { corpusBytes } from '../../helpers/corpus.ts';
import { type ExpectedFinding, expectFindings, findingsOf } from './rule-case.ts';

/**
 * Every S-rule on documents of the generated corpus, read as filers send them (the text Word copies, which reads
 * every cell and every text part): one that passes and one that fails. The failures are designed into the corpus's
 * figures and prose (test/fixtures/corpus/README.md), so a rule that stops firing — or a reader that stops
 * reading what it needs — shows here.
 */
interface CorpusRuleCase {
  readonly source: string;
  readonly context?: ValidationContext;
  readonly findings: readonly ExpectedFinding[];
}

const UNPAID = 'applications.otherUnpaidFee.total';
const FEES = 'proactiveDisclosure.adminFees.amountWanYuan';

const CASES: Record<string, { readonly passes: CorpusRuleCase; readonly fails: CorpusRuleCase }> = {
  S1: {
    passes: { source: 'template-2021', findings: [] },
    fails: {
      source: 'template-2021-narrow',
      findings: [{ paths: ['applications.newReceived.total', 'text.overview'], expected: 1535, actual: 1533 }],
    },
  },
  S2: {
    passes: { source: 'template-2019', context: { agencyKind: 'government' }, findings: [] },
    fails: {
      source: 'template-2019',
      context: { agencyKind: 'township' },
      findings: [
        {
          paths: ['newlyMade', 'newlyPublished', 'totalPublished'].map((c) => `proactiveDisclosure.regulations.${c}`),
          zh: ['规章填有本年新制作数量 2、本年新公开数量 3、对外公开总数量 41'],
        },
      ],
    },
  },
  S4: {
    passes: { source: 'template-varied', findings: [] },
    fails: {
      source: 'template-2021',
      findings: [{ paths: [UNPAID, 'text.otherMatters'], zh: ['写明未制发收费通知'] }],
    },
  },
  S5: {
    passes: { source: 'template-2021', findings: [] },
    fails: { source: 'template-2019', findings: [{ paths: ['text.otherMatters'], zh: ['只写了“无。”'] }] },
  },
  S6: {
    passes: { source: 'template-2019', findings: [] },
    fails: { source: 'template-hybrid', findings: [{ paths: ['shapes.applications'], zh: ['23 行'] }] },
  },
  S7: {
    passes: { source: 'template-2021', context: { deadline: '2022-01-31' }, findings: [] },
    fails: {
      source: 'template-2021',
      context: { deadline: '2022-01-20' },
      findings: [{ paths: ['publishedOn'], zh: ['2022-01-24', '逾期 4 天'] }],
    },
  },
  S8: {
    passes: { source: 'template-2021', context: { agencyKind: 'department' }, findings: [] },
    fails: {
      source: 'template-2021-narrow',
      context: { agencyKind: 'department' },
      findings: [{ paths: [FEES], actual: 14722.49 }],
    },
  },
};

const reports = new Map<string, Promise<Report>>();
function corpusReport(source: string): Promise<Report> {
  const file = `${source}.word-copy.txt`;
  let report = reports.get(file);
  if (!report) {
    report = parseReport({ bytes: corpusBytes(file), fileName: file }).then((parsed) => parsed.report);
    reports.set(file, report);
  }
  return report;
}

describe('S-rules on the generated corpus', () => {
  it('covers every S-rule', () => {
    expect(Object.keys(CASES)).toEqual(RULE_CODES.filter((code) => code.startsWith('S')));
  });

  describe.each(Object.entries(CASES))('%s', (code, { passes, fails }) => {
    it.each([
      ['passes', passes],
      ['fails', fails],
    ] as const)('%s on its corpus document', async (verdict, { source, context, findings }) => {
      expect(findings.length > 0).toBe(verdict === 'fails');
      expectFindings(findingsOf(code as RuleCode, await corpusReport(source), context), findings);
    });
  });
});
