/**
 * Builds report DOCX files from the official blank template (`test/fixtures/samples/official-template-2021.docx`)
 * the way a filer does: figures typed into the template's value cells, the title and the text parts
 * written over the template's placeholders. Every other byte of the template is kept.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { entryData, readZipDirectory } from '#shared/parse/docx/zip-directory.ts';
import { writeZip } from './zip-writer.ts';

export const TEMPLATE_URL = new URL('../../../fixtures/samples/official-template-2021.docx', import.meta.url);

export interface FilledReport {
  readonly title: string;
  /** Each text part as its paragraphs (a heading written into the text, like "（一）…", starts one). */
  readonly preamble: readonly string[];
  readonly overview: readonly string[];
  readonly problemsAndImprovements: readonly string[];
  readonly otherMatters: readonly string[];
  /** Section 2 figures per row, in template row order (规章 … 行政事业性收费, or … 政府集中采购 in 2019). */
  readonly proactiveDisclosure: readonly (readonly string[])[];
  /** Section 3 figures, 25 (or 23) rows of 7 cells. */
  readonly applications: readonly (readonly string[])[];
  /** Section 4 figures, 15 cells. */
  readonly reviewsAndLawsuits: readonly string[];
}

export function templateBytes(): Uint8Array {
  return new Uint8Array(readFileSync(TEMPLATE_URL));
}

/** Every entry of a ZIP (a DOCX) by name, inflated. */
export function zipParts(zip: Uint8Array): { name: string; data: Uint8Array }[] {
  return readZipDirectory(zip).map((entry) => {
    const raw = entryData(zip, entry);
    return { name: entry.name, data: entry.method === 8 ? new Uint8Array(inflateRawSync(raw)) : raw };
  });
}

export interface TemplateLayout {
  /** Rewrites the template's document.xml before it is filled (another format's tables, other widths). */
  readonly document?: (xml: string) => string;
  /** Rows of the first table that take section 2's figures, header rows counted (default: the 2021 rows). */
  readonly proactiveRows?: readonly number[];
}

export function fillTemplate(report: FilledReport, layout: TemplateLayout = {}): Uint8Array {
  return writeZip(
    zipParts(templateBytes()).map((part) =>
      part.name === 'word/document.xml'
        ? {
            name: part.name,
            data: new TextEncoder().encode(
              fillDocument((layout.document ?? ((xml) => xml))(new TextDecoder().decode(part.data)), report, layout),
            ),
          }
        : part,
    ),
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** Replaces the first paragraph holding `placeholder` by `paragraphs`. */
function replaceParagraph(xml: string, placeholder: string, paragraphs: readonly string[]): string {
  const at = xml.indexOf(`<w:t>${placeholder}</w:t>`);
  if (at < 0) throw new Error(`template has no ${placeholder}`);
  const start = xml.lastIndexOf('<w:p ', at);
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  return xml.slice(0, start) + paragraphs.map(paragraph).join('') + xml.slice(end);
}

function fillDocument(xml: string, report: FilledReport, layout: TemplateLayout): string {
  let out = replaceParagraph(xml, '政府信息公开工作年度报告格式模板', [report.title, ...report.preamble]);
  out = replaceParagraph(out, '（文字描述）', report.overview);
  out = replaceParagraph(out, '（文字描述）', report.problemsAndImprovements);
  out = replaceParagraph(out, '（文字描述，收取信息处理费情况在此处报告。）', report.otherMatters);
  const tables = out.split(/(?=<w:tbl>)|(?<=<\/w:tbl>)/);
  let table = 0;
  return tables
    .map((chunk) => {
      if (!chunk.startsWith('<w:tbl>')) return chunk;
      table++;
      if (table === 1) return fillRows(chunk, layout.proactiveRows ?? [2, 3, 6, 9, 10, 13], report.proactiveDisclosure);
      if (table === 2)
        return fillRows(
          chunk,
          report.applications.map((_, i) => 3 + i),
          report.applications,
        );
      return fillRows(chunk, [3], [report.reviewsAndLawsuits]);
    })
    .join('');
}

/** Writes `values[k]` into the last cells of row `rows[k]` (merged-away cells come first in a row). */
function fillRows(table: string, rows: readonly number[], values: readonly (readonly string[])[]): string {
  const parts = table.split(/(?=<w:tr[ >])/);
  rows.forEach((rowIndex, k) => {
    const row = parts[rowIndex + 1];
    const figures = values[k] ?? [];
    if (row === undefined) throw new Error(`template table has no row ${rowIndex}`);
    const cells = row.split(/(?=<w:tc>)/);
    const first = cells.length - figures.length;
    figures.forEach((figure, i) => {
      const cell = cells[first + i] as string;
      const end = cell.indexOf('</w:tc>');
      const props = cell.indexOf('</w:tcPr>') + '</w:tcPr>'.length;
      cells[first + i] = cell.slice(0, props) + paragraph(figure) + cell.slice(end);
    });
    parts[rowIndex + 1] = cells.join('');
  });
  return parts.join('');
}
