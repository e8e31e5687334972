/**
 * PDF reports → paragraphs and table grids. Only text PDFs can be read: a scanned report has no text
 * layer and needs OCR. pdf.js (through unpdf) runs in-process and offline — no font or CMap fetching.
 */
import { ReportParseError } from '../../errors.ts';
import type { ReadDocument } from '../grid.ts';
import { megabytes } from '../megabytes.ts';
import { layoutBlocks } from './layout-blocks.ts';
import { loadPdfPieces } from './load-pdf.ts';
import { tablePagesOf } from './page-flow.ts';
import { groupLines } from './text-lines.ts';

export { preparePdfReading } from './load-pdf.ts';

/** Reports are a few pages; 40 MB leaves room for embedded fonts and seals. */
export const MAX_PDF_BYTES = 40 * 1024 * 1024;

/** Fewer visible characters per page than a heading line means the pages are pictures of text. */
const MIN_CHARS_PER_PAGE = 25;

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  if (bytes.byteLength > MAX_PDF_BYTES) {
    throw new ReportParseError('INPUT_TOO_LARGE', {
      zh: `PDF 文件有 ${megabytes(bytes.byteLength)} MB，超过 ${megabytes(MAX_PDF_BYTES)} MB 的上限，无法读取。`,
      en: `The PDF is ${megabytes(bytes.byteLength)} MB, larger than the limit of ${megabytes(MAX_PDF_BYTES)} MB.`,
    });
  }
  const { pieces, rules, pageCount } = await loadPdfPieces(bytes, (text) => tablePagesOf(groupLines(text)));
  const chars = pieces.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0);
  if (chars < MIN_CHARS_PER_PAGE * pageCount) {
    const found = chars === 0 ? '没有一个文字' : `只有 ${chars} 个文字`;
    throw new ReportParseError('NEEDS_OCR', {
      zh: `PDF 文件共 ${pageCount} 页，${found}（每页不到 ${MIN_CHARS_PER_PAGE} 个）：页面可能是扫描件或图片，而不是文字。请上传由 Word/WPS 导出的文字版 PDF 或 DOCX 文件。`,
      en: `The PDF has ${pageCount} page${pageCount === 1 ? '' : 's'} and ${chars} characters of text (under ${MIN_CHARS_PER_PAGE} a page): its pages are likely scanned pictures, not text. Upload a text PDF exported from Word/WPS, or the DOCX.`,
    });
  }
  return { layout: 'pdf/text-positions', blocks: layoutBlocks(pieces, rules) };
}
