import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { MAX_PDF_BYTES, readPdf } from '#shared/parse/pdf/read-pdf.ts';
import { fixtureFile, samplePdf } from './sample-figures.ts';

async function failureOf(bytes: Uint8Array): Promise<ReportParseError> {
  const error = await readPdf(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ReportParseError)) throw new Error(`expected a ReportParseError, got ${String(error)}`);
  return error;
}

describe('readPdf refusals', () => {
  it('asks for OCR (or the text file) when the pages are pictures of text', async () => {
    // A page image of a real report printed to PDF by Chromium: no text layer at all.
    const error = await failureOf(fixtureFile('image-only-scan.pdf'));
    expect(error.code).toBe('NEEDS_OCR');
    expect(error.messages.zh).toContain('扫描件');
  });

  it('refuses a PDF cut off during upload as malformed', async () => {
    const whole = samplePdf('2024-huaian-city-government');
    const error = await failureOf(whole.subarray(0, Math.floor(whole.byteLength * 0.6)));
    expect(error.code).toBe('MALFORMED_DOCUMENT');
    expect(error.messages.zh).toContain('不完整');
  });

  it('refuses garbage between a PDF header and trailer as malformed', async () => {
    const garbage = new TextEncoder().encode(`%PDF-1.7\n${'垃圾数据 '.repeat(200)}\n%%EOF\n`);
    const error = await failureOf(garbage);
    expect(error.code).toBe('MALFORMED_DOCUMENT');
  });

  it('refuses a file larger than the PDF limit before opening it', async () => {
    const error = await failureOf(new Uint8Array(MAX_PDF_BYTES + 1));
    expect(error.code).toBe('INPUT_TOO_LARGE');
  });
});
