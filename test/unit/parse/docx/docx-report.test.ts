import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '#shared/parse/parse-report.ts';
import { expectationOf, expectedCells, reportCells, samplePdf } from '../pdf/sample-figures.ts';
import { fillTemplate } from './template-filler.ts';

const CITY = '2024-huaian-city-government';

async function assembledDocx(bytes: Uint8Array) {
  return parseReport({ bytes, fileName: 'report.docx' });
}

describe('parseReport on DOCX reports', () => {
  it('come out identical to the PDF of the same report', async () => {
    const docx = new Uint8Array(readFileSync(new URL(`../../../fixtures/docx/${CITY}.docx`, import.meta.url)));
    const fromDocx = await assembledDocx(docx);
    const fromPdf = await parseReport({ bytes: samplePdf(CITY) });
    const cells = expectedCells(expectationOf(CITY));
    expect(Object.fromEntries(reportCells(fromDocx.report, cells.keys()))).toEqual(Object.fromEntries(cells));
    expect(fromDocx.layout).toBe('docx');
    expect(fromDocx.report).toEqual(fromPdf.report);
    expect(fromDocx.findings).toEqual([]);
  });

  it('read the official template with a title and nothing typed in as all tables present, every cell null', async () => {
    const blank = fillTemplate({
      title: '某某县人民政府2024年政府信息公开工作年度报告',
      preamble: [],
      overview: ['（文字描述）'],
      problemsAndImprovements: ['（文字描述）'],
      otherMatters: ['（文字描述）'],
      proactiveDisclosure: [],
      applications: [],
      reviewsAndLawsuits: [],
    });
    const { report } = await assembledDocx(blank);
    expect(report.shapes).toEqual({ proactiveDisclosure: '2021', applications: '25-row' });
    const cells = [report.proactiveDisclosure, report.applications, report.reviewsAndLawsuits].flatMap((table) =>
      Object.values(table).flatMap((row) => Object.values(row)),
    );
    expect(cells).toHaveLength(200);
    expect(new Set(cells)).toEqual(new Set([null]));
  });
});
