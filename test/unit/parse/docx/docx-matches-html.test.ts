import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_25,
  PROACTIVE_2021_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
} from '#shared/report/labels.ts';
import type { Applications25, ProactiveDisclosure2021, Report } from '#shared/report/model.ts';
import { WORD_2021, word2021Html } from '../../../fixtures/html/generator/word-2021.ts';
import { type FilledReport, fillTemplate } from './template-filler.ts';

const printed = (value: number | null): string => (value === null ? '' : String(value));

/** The same report a filer would type into the official Word template, signature and date at the end. */
function asFilledTemplate(report: Report, prose: typeof WORD_2021.prose): FilledReport {
  const pd = report.proactiveDisclosure as ProactiveDisclosure2021;
  const apps = report.applications as Applications25;
  const [year, month, day] = (report.publishedOn ?? '').split('-').map(Number);
  return {
    title: report.title,
    preamble: prose.preamble,
    overview: prose.overview,
    problemsAndImprovements: prose.problemsAndImprovements,
    otherMatters: [...prose.otherMatters, report.agency.name, `${year}年${month}月${day}日`],
    proactiveDisclosure: PROACTIVE_2021_ROWS.map((row) =>
      row.columns.map((column) => printed((pd[row.key] as Record<string, number | null>)[column] ?? null)),
    ),
    applications: APPLICATION_ROWS_25.map((row) => APPLICANT_COLUMNS.map((c) => printed(apps[row.key][c.key]))),
    reviewsAndLawsuits: REVIEW_GROUPS.flatMap((g) =>
      REVIEW_COLUMNS.map((c) => printed(report.reviewsAndLawsuits[g.key][c.key])),
    ),
  };
}

describe('a DOCX report', () => {
  it('comes out identical to the same report saved from Word as HTML', async () => {
    const docx = fillTemplate(asFilledTemplate(WORD_2021.report, WORD_2021.prose));
    const fromDocx = await parseReport({ bytes: docx, fileName: 'report.docx' });
    const fromHtml = await parseReport({ bytes: new TextEncoder().encode(word2021Html()), fileName: 'report.html' });
    expect(fromHtml.report).toEqual(WORD_2021.report);
    expect(fromDocx.layout).toBe('docx');
    expect(fromDocx.report).toEqual(fromHtml.report);
    expect(fromDocx.findings).toEqual(fromHtml.findings);
  });
});
