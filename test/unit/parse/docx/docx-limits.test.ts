import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { MAX_DOCX_BYTES, readDocx } from '#shared/parse/docx/read-docx.ts';
import { MAX_ENTRIES } from '#shared/parse/docx/zip-limits.ts';
import { templateBytes } from './template-filler.ts';
import { writeZip, type ZipInput } from './zip-writer.ts';

async function failureOf(bytes: Uint8Array): Promise<ReportParseError> {
  const error = await readDocx(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ReportParseError)) throw new Error(`expected a ReportParseError, got ${String(error)}`);
  return error;
}

const DOCUMENT: ZipInput = {
  name: 'word/document.xml',
  data: new TextEncoder().encode(
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  ),
};

describe('readDocx refusals', () => {
  it('asks for a .docx when given a legacy .doc (an OLE compound file)', async () => {
    const doc = new Uint8Array(4096);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await failureOf(doc);
    expect(error.code).toBe('UNSUPPORTED_FORMAT');
    expect(error.messages.zh).toContain('.docx');
  });

  it('refuses a ZIP that is not a Word document', async () => {
    const error = await failureOf(writeZip([{ name: 'xl/workbook.xml', data: DOCUMENT.data }]));
    expect(error.code).toBe('MALFORMED_DOCUMENT');
    expect(error.messages.zh).toContain('DOCX');
  });

  it('refuses a DOCX cut off during upload', async () => {
    const whole = templateBytes();
    const error = await failureOf(whole.subarray(0, whole.byteLength - 100));
    expect(error.code).toBe('MALFORMED_DOCUMENT');
  });

  it('refuses a part that compresses far beyond any document before inflating it', async () => {
    const bomb = { name: 'word/media/image1.png', data: new Uint8Array(8 * 1024 * 1024) };
    const error = await failureOf(writeZip([DOCUMENT, bomb]));
    expect(error.code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses an archive whose declared sizes add up beyond the limit', async () => {
    const huge = { name: 'word/media/video.bin', data: new Uint8Array(10), stored: true, declaredSize: 2 ** 31 };
    const error = await failureOf(writeZip([DOCUMENT, huge]));
    expect(error.code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a part that inflates to more than its header declares', async () => {
    const liar = { name: 'word/styles.xml', data: new Uint8Array(4 * 1024 * 1024).fill(60), declaredSize: 1000 };
    const error = await failureOf(writeZip([DOCUMENT, liar]));
    expect(error.code).toBe('MALFORMED_DOCUMENT');
  });

  it('refuses an archive with more entries than any report has', async () => {
    const many = Array.from({ length: MAX_ENTRIES }, (_, i) => ({ name: `word/x${i}.bin`, data: new Uint8Array(1) }));
    const error = await failureOf(writeZip([DOCUMENT, ...many]));
    expect(error.code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a file larger than the DOCX limit before reading it', async () => {
    const error = await failureOf(new Uint8Array(MAX_DOCX_BYTES + 1));
    expect(error.code).toBe('INPUT_TOO_LARGE');
  });
});
