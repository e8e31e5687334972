/**
 * Blocks → the canonical report. The one place that knows the report's structure: every reader (text
 * layouts, HTML, DOCX, PDF) only says where paragraphs and cells are, and this turns them into the
 * model of `docs/spec/report-model.md`, with findings for what could not be read.
 */
import { ReportParseError } from '#shared/errors.ts';
import { type Finding, RULE_SEVERITY } from '#shared/report/findings.ts';
import { TEXT_PART_LABELS } from '#shared/report/labels.ts';
import type { Report, ReportFormat } from '#shared/report/model.ts';
import type { ReadDocument } from '../grid.ts';
import { assembleApplications } from './applications.ts';
import { itemsOf } from './items.ts';
import { findPublishedOn, findTitle, stripSignature, yearIn } from './metadata.ts';
import { assembleProactive } from './proactive.ts';
import { noStructureError, tablesRunIntoText } from './refusal.ts';
import { assembleReviews } from './reviews.ts';
import { type Sections, splitSections } from './sections.ts';
import type { AssemblyOutput } from './table-cells.ts';

/** Reports follow the 2021 format from the 2021 reports on (国办公开办函〔2021〕30号). */
const FIRST_2021_FORMAT_YEAR = 2021;

function notAReport(zh: string, en: string): ReportParseError {
  return new ReportParseError('NOT_A_REPORT', { zh, en });
}

function missingPart(key: keyof typeof TEXT_PART_LABELS): Finding {
  const label = TEXT_PART_LABELS[key];
  return {
    code: 'H7',
    severity: RULE_SEVERITY.H7,
    paths: [`text.${key}`],
    message: {
      zh: `未找到“${label}”部分的标题，该部分按缺失处理。请按年度报告格式保留六个部分的标题。`,
      en: `The heading of part "${label}" was not found; the part is treated as missing.`,
    },
  };
}

function missingAgency(): Finding {
  return {
    code: 'H7',
    severity: RULE_SEVERITY.H7,
    paths: ['agency.name'],
    message: {
      zh: '未能从标题或落款中识别报告机关名称。',
      en: 'The agency name could not be read from the title or the signature.',
    },
  };
}

/** The year in the title; else the first year the front matter or the overview names; else the one before publication. */
function reportYear(titleYear: number | null, sections: Sections, publishedOn: string | null): number | null {
  return (
    titleYear ??
    yearIn(sections.front.join('\n')) ??
    yearIn(sections.text.overview.join('\n')) ??
    (publishedOn === null ? null : Number(publishedOn.slice(0, 4)) - 1)
  );
}

interface Metadata {
  readonly title: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly publishedOn: string | null;
  readonly text: Report['text'];
}

/** Title, agency, year and date, and the text parts without the title and the closing signature. */
function readMetadata(sections: Sections): Metadata {
  const found = findTitle(sections.front);
  const front = [...sections.front];
  if (found) front.splice(found.at, found.title.lines);
  const lastPartLines = sections.lastPart ? [...sections.text[sections.lastPart]] : [];
  const signature = stripSignature(lastPartLines, found?.title.agency ?? null);
  const publishedOn = findPublishedOn(sections.tail);
  const text = {
    preamble: front.join('\n'),
    overview: sections.text.overview.join('\n'),
    problemsAndImprovements: sections.text.problemsAndImprovements.join('\n'),
    otherMatters: sections.text.otherMatters.join('\n'),
  };
  if (sections.lastPart) text[sections.lastPart] = lastPartLines.join('\n');
  return {
    title: found?.title.text ?? '',
    agency: found?.title.agency ?? signature,
    year: reportYear(found?.title.year ?? null, sections, publishedOn),
    publishedOn,
    text,
  };
}

export function assembleReport(doc: ReadDocument): { report: Report; findings: Finding[] } {
  const items = itemsOf(doc);
  const sections = splitSections(items);
  const meta = readMetadata(sections);
  const out: AssemblyOutput = { cellNotes: {}, findings: [] };
  const fallbackFormat: ReportFormat =
    (meta.year ?? FIRST_2021_FORMAT_YEAR) >= FIRST_2021_FORMAT_YEAR ? '2021' : '2019';
  const proactive = assembleProactive(sections.proactive, fallbackFormat, out);
  const fallbackShape = proactive.shape === '2021' ? '25-row' : '23-row';
  const applications = assembleApplications(sections.applications, fallbackShape, out);
  const reviews = assembleReviews(sections.reviews, out);
  // Without a table row, a document is a report by its headings only, and only if its tables are not there
  // to read: figures run into its text (a crawler's flattening) would all be filed as missing.
  const headings = sections.headings.filter(Boolean).length;
  const rows = proactive.matchedRows + applications.matchedRows;
  if (rows === 0 && (headings === 0 || tablesRunIntoText(items))) {
    throw noStructureError(items, { headings: sections.headings });
  }
  if (meta.year === null) {
    throw notAReport(
      `未能识别报告年度：找到 ${headings} 个部分标题和 ${rows} 行年报表格，但标题、前言和总体情况中都没有“××××年”，也没有发布日期。请确认上传的是政府信息公开工作年度报告，并保留标题中的年度。`,
      `The report year could not be found: ${headings} part headings and ${rows} table rows were read, but neither the title, the preamble nor the overview names a year, and no publication date was found.`,
    );
  }
  const report: Report = {
    schemaVersion: 1,
    title: meta.title,
    agency: { name: meta.agency ?? '（未识别）' },
    year: meta.year,
    publishedOn: meta.publishedOn,
    format: proactive.shape,
    shapes: { proactiveDisclosure: proactive.shape, applications: applications.shape },
    text: meta.text,
    proactiveDisclosure: proactive.table,
    applications: applications.table,
    reviewsAndLawsuits: reviews.table,
    cellNotes: out.cellNotes,
  };
  const missing = [...sections.missingParts.map(missingPart), ...(meta.agency ? [] : [missingAgency()])];
  return { report, findings: [...missing, ...out.findings] };
}
