/**
 * DOCX reports → paragraphs and table grids. mammoth turns the document into HTML (vertical merges
 * become rowspan, horizontal ones colspan, each merged cell once) and the HTML reader reads that, so a
 * DOCX report and the same report as HTML cannot come out differently. The archive is checked against
 * zip-bomb limits before mammoth inflates any of it.
 */
import mammoth from 'mammoth';
import { type LocalizedMessage, ReportParseError } from '../../errors.ts';
import type { ReadDocument } from '../grid.ts';
import { readHtml } from '../html/read-html.ts';
import { megabytes } from '../megabytes.ts';
import { isOleCompoundFile } from './word-signature.ts';
import { readZipDirectory, ZipFormatError } from './zip-directory.ts';
import { checkDeclaredSizes, isReadPart, verifyEntry, ZipLimitError } from './zip-limits.ts';

/** Report DOCX files are well under a few MB; 40 MB leaves room for photos and seals. */
export const MAX_DOCX_BYTES = 40 * 1024 * 1024;

const MALFORMED: LocalizedMessage = {
  zh: 'DOCX 文件已损坏或不是有效的 Word 文档，无法读取。请在 Word/WPS 中重新另存为 .docx 后上传。',
  en: 'The DOCX file is damaged or not a valid Word document; save it again as .docx in Word/WPS and upload it.',
};

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  checkContainer(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Pictures (seals, screenshots) carry no figures: leave them unread instead of inlining them.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (cause) {
    throw new ReportParseError('MALFORMED_DOCUMENT', MALFORMED, { cause });
  }
  const read = readHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return { layout: 'docx', blocks: read.blocks };
}

function checkContainer(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_DOCX_BYTES) {
    throw new ReportParseError('INPUT_TOO_LARGE', {
      zh: `DOCX 文件有 ${megabytes(bytes.byteLength)} MB，超过 ${megabytes(MAX_DOCX_BYTES)} MB 的上限，无法读取。`,
      en: `The DOCX file is ${megabytes(bytes.byteLength)} MB, larger than the limit of ${megabytes(MAX_DOCX_BYTES)} MB.`,
    });
  }
  if (isOleCompoundFile(bytes)) {
    throw new ReportParseError('UNSUPPORTED_FORMAT', {
      zh: '这是旧版 Word（.doc）文件或设置了密码的 Word 文件，无法读取。请在 Word/WPS 中“另存为” .docx 格式（不设密码）后重新上传。',
      en: 'This is a legacy Word (.doc) or password-protected Word file; save it as .docx (without a password) and upload it again.',
    });
  }
  try {
    const entries = readZipDirectory(bytes);
    if (!entries.some((e) => e.name === 'word/document.xml')) throw new ZipFormatError('no word/document.xml');
    checkDeclaredSizes(entries);
    for (const entry of entries.filter(isReadPart)) verifyEntry(bytes, entry);
  } catch (cause) {
    if (cause instanceof ZipLimitError) {
      throw new ReportParseError(
        'INPUT_TOO_LARGE',
        {
          zh: `DOCX 文件无法读取：${cause.found.zh}。`,
          en: `The DOCX file cannot be read: ${cause.found.en}.`,
        },
        { cause },
      );
    }
    throw new ReportParseError('MALFORMED_DOCUMENT', MALFORMED, { cause });
  }
}
