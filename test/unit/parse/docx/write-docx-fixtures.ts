/**
 * Regenerates `test/fixtures/docx/*.docx`: `npx tsx test/unit/parse/docx/write-docx-fixtures.ts`.
 * The 淮安市 2024 report is written into the official template with the figures transcribed from its
 * PDF (`test/fixtures/pdf/…expected.json`) and the text parts as the PDF reader reads them, so the DOCX
 * and the PDF are the same report.
 */
import { writeFileSync } from 'node:fs';
import { readPdf } from '#shared/parse/pdf/read-pdf.ts';
import { expectationOf, samplePdf } from '../pdf/sample-figures.ts';
import { fillTemplate } from './template-filler.ts';

const NAME = '2024-huaian-city-government';
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

const expected = expectationOf(NAME);
const pdf = await readPdf(samplePdf(NAME));
const paragraphs = pdf.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const between = (from: string | undefined, to: string | undefined) =>
  paragraphs.slice(from ? paragraphs.indexOf(from) + 1 : 1, to ? paragraphs.indexOf(to) : undefined);
const cells = (rows: Record<string, number[]>) => Object.values(rows).map((r) => r.map(String));

const docx = fillTemplate({
  title: expected.title,
  preamble: between(undefined, HEADINGS[0]),
  overview: between(HEADINGS[0], HEADINGS[1]),
  problemsAndImprovements: between(HEADINGS[2], HEADINGS[3]),
  otherMatters: between(HEADINGS[3], undefined),
  proactiveDisclosure: cells(expected.proactiveDisclosure),
  applications: cells(expected.applications),
  reviewsAndLawsuits: Object.values(expected.reviewsAndLawsuits).flat().map(String),
});
writeFileSync(new URL(`../../../fixtures/docx/${NAME}.docx`, import.meta.url), docx);
