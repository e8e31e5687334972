/**
 * THE entry point: bytes of any accepted kind → the canonical report and what could not be read.
 * The kind is sniffed from the content, never from the file name or content type (a report saved as
 * .txt may be HTML; a ZIP renamed .txt is still a ZIP). DOCX and PDF are read in a child process with a heap
 * limit and a deadline (`isolated-reader.ts`). Every failure of the file is a ReportParseError.
 */

import { MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES } from '#shared/media-types.ts';
import type { Finding } from '#shared/report/findings.ts';
import { isReportParseError, ReportParseError } from '../errors.ts';
import type { Report } from '../report/model.ts';
import { assembleReport } from './assemble/assemble-report.ts';
import { decodeText } from './decode.ts';
import type { ReadDocument } from './grid.ts';
import { ReaderUnavailableError, readIsolated } from './isolated-reader.ts';
import { readReportJson } from './json/read-report-json.ts';
import { megabytes } from './megabytes.ts';
import { hasVisibleText, imageTypeOf, sniffBinary, sniffText } from './sniff.ts';
import { readText } from './text/read-text.ts';

export interface ReportInput {
  bytes: Uint8Array;
  fileName?: string;
  contentType?: string;
}

export interface ParsedReport {
  report: Report;
  findings: Finding[];
  layout: string;
}

function tooLarge(size: number, limit: number): ReportParseError {
  return new ReportParseError('INPUT_TOO_LARGE', {
    zh: `文件有 ${megabytes(size)} MB，超过 ${megabytes(limit)} MB 的上限，不是一份年度报告的正常大小。`,
    en: `The file is ${megabytes(size)} MiB, over the limit of ${megabytes(limit)} MiB, far beyond a real annual report.`,
  });
}

function emptyInput(size: number): ReportParseError {
  return new ReportParseError(
    'EMPTY_INPUT',
    size === 0
      ? { zh: '文件为空，没有任何内容。', en: 'The file is empty.' }
      : {
          zh: `文件的 ${size} 个字节全是空格、换行等空白字符，没有任何文字。`,
          en: `The file's ${size} bytes are all whitespace, with no text.`,
        },
  );
}

function unsupported(zh: string, en: string): ReportParseError {
  return new ReportParseError('UNSUPPORTED_FORMAT', { zh, en });
}

async function readDocument(bytes: Uint8Array): Promise<ReadDocument | { json: Report }> {
  switch (sniffBinary(bytes)) {
    case 'docx':
      return readIsolated('docx', bytes);
    case 'zip':
      throw unsupported(
        '文件是压缩包（ZIP），其中没有 Word 文档的正文（word/document.xml），不是 DOCX 报告。请解压后上传报告本身（TXT、HTML、DOCX 或 PDF）。',
        'The file is a ZIP archive without the body of a Word document (word/document.xml), so not a DOCX report; upload the report itself.',
      );
    case 'legacy-office':
      throw unsupported(
        '不支持旧版 Word（.doc）格式，请在 Word 或 WPS 中另存为 DOCX 或 PDF 后上传。',
        'Legacy Word (.doc) files are not supported; save the report as DOCX or PDF.',
      );
    case 'image': {
      const type = imageTypeOf(bytes);
      throw new ReportParseError('NEEDS_OCR', {
        zh: `文件是 ${type} 图片，没有可读取的文字。请上传报告的文字版（TXT、HTML、DOCX 或文字版 PDF）。`,
        en: `The file is a ${type} image with no text layer; upload a text version of the report.`,
      });
    }
    case 'pdf':
      return readIsolated('pdf', bytes);
    default:
      return readTextDocument(bytes);
  }
}

/**
 * parse5 is loaded on the first HTML report only. The module is kept: every `import()` call resolves its
 * specifier again, which under a loader hook (tsx) costs more than reading a small page.
 */
let htmlReader: Promise<typeof import('./html/read-html.ts')> | undefined;
function loadHtmlReader(): Promise<typeof import('./html/read-html.ts')> {
  htmlReader ??= import('./html/read-html.ts');
  return htmlReader;
}

async function readTextDocument(bytes: Uint8Array): Promise<ReadDocument | { json: Report }> {
  if (bytes.length > MAX_TEXT_BYTES) throw tooLarge(bytes.length, MAX_TEXT_BYTES);
  const { text } = decodeText(bytes);
  if (!hasVisibleText(text)) throw emptyInput(bytes.length);
  switch (sniffText(text)) {
    case 'json':
      return { json: readReportJson(text) };
    case 'html': {
      const { readHtml } = await loadHtmlReader();
      return readHtml(text);
    }
    default:
      return readText(text);
  }
}

export async function parseReport(input: ReportInput): Promise<ParsedReport> {
  try {
    const { bytes } = input;
    if (bytes.length === 0) throw emptyInput(0);
    if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(bytes.length, MAX_DOCUMENT_BYTES);
    const read = await readDocument(bytes);
    if ('json' in read) return { report: read.json, findings: [], layout: 'json' };
    return { ...assembleReport(read), layout: read.layout };
  } catch (cause) {
    if (isReportParseError(cause) || cause instanceof ReaderUnavailableError) throw cause;
    throw new ReportParseError(
      'MALFORMED_DOCUMENT',
      {
        zh: '文件内容损坏或结构异常，无法读取为年度报告。',
        en: 'The document is damaged or malformed and cannot be read as a report.',
      },
      { cause },
    );
  }
}
