import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawingOf } from '#shared/parse/pdf/drawing-census.ts';
import { checkPdfStreams, STREAM_LIMITS, StreamBudgetError } from '#shared/parse/pdf/stream-budget.ts';
import { rejectionOf } from '../../../helpers/rejection.ts';

const MB = 1024 * 1024;

function checkDecodedBytes(pdf: Uint8Array, decodedBytes: number): Promise<void> {
  return checkPdfStreams(pdf, { ...STREAM_LIMITS, decodedBytes });
}

/** Objects in order, each with its stream, in a file the stream scan reads like a whole PDF. */
function pdfOf(...objects: readonly { dictionary: string; content: string }[]): Uint8Array {
  return Buffer.concat(
    objects.flatMap(({ dictionary, content }, i) => [
      Buffer.from(`${i + 1} 0 obj\n${dictionary}\nstream\n`),
      deflateSync(Buffer.from(content)),
      Buffer.from('\nendstream\nendobj\n'),
    ]),
  );
}

function budgetError(check: Promise<void>): Promise<StreamBudgetError> {
  return rejectionOf(check, StreamBudgetError);
}

function pdfWith(dictionary: string, stream: Uint8Array): Uint8Array {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n${dictionary}\nstream\n`),
    stream,
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ]);
}

describe('decoded stream budget', () => {
  it('counts streams that text extraction decodes, and passes a file within the budget', async () => {
    const content = pdfWith('<</Filter /FlateDecode>>', deflateSync(Buffer.alloc(MB, 0x20)));
    await expect(checkDecodedBytes(content, 2 * MB)).resolves.toBeUndefined();
    await expect(checkDecodedBytes(content, MB / 2)).rejects.toBeInstanceOf(StreamBudgetError);
  });

  it('skips images, which text extraction never decodes', async () => {
    const image = pdfWith('<</Subtype /Image /Filter /FlateDecode>>', deflateSync(Buffer.alloc(4 * MB)));
    await expect(checkDecodedBytes(image, MB)).resolves.toBeUndefined();
  });

  it('counts what a damaged stream decodes before the damage', async () => {
    const whole = deflateSync(Buffer.alloc(4 * MB));
    const damaged = Buffer.concat([whole.subarray(0, whole.byteLength - 8), Buffer.from('not deflate at all')]);
    await expect(checkDecodedBytes(pdfWith('<</Filter /FlateDecode>>', damaged), MB)).rejects.toBeInstanceOf(
      StreamBudgetError,
    );
  });

  it('follows a chain of flate filters', async () => {
    const twice = deflateSync(deflateSync(Buffer.alloc(4 * MB)));
    const chained = pdfWith('<</Filter [/FlateDecode /FlateDecode]>>', twice);
    await expect(checkDecodedBytes(chained, MB)).rejects.toBeInstanceOf(StreamBudgetError);
  });

  it('counts the path operators of a content stream, and not the text or operands around them', () => {
    const table = 'q 0.5 w 10 10 m 200 10 l S 10 20 190 0.5 re f* BT /F1 9 Tf (m) Tj ET /Im1 Do Q W n';
    expect(drawingOf(Buffer.from(table))).toEqual({ pathOperators: 7 + 1, invocations: 1 });
  });

  it('passes every report page, and refuses one content stream drawing past the page limit', async () => {
    const page = '10 10 400 0.5 re f\n'.repeat(1000);
    await expect(
      checkPdfStreams(pdfOf({ dictionary: '<</Filter /FlateDecode>>', content: page })),
    ).resolves.toBeUndefined();
    const limits = { ...STREAM_LIMITS, pathOperatorsPerStream: 1999 };
    const error = await budgetError(
      checkPdfStreams(pdfOf({ dictionary: '<</Filter /FlateDecode>>', content: page }), limits),
    );
    expect(error).toMatchObject({ exceeded: 'pathOperatorsPerStream', count: 2000, limit: 1999 });
  });

  it('refuses pages that together draw past the file limit', async () => {
    const page = { dictionary: '<</Filter /FlateDecode>>', content: '10 10 400 0.5 re f\n'.repeat(10_000) };
    const error = await budgetError(checkPdfStreams(pdfOf(...Array.from({ length: 8 }, () => page))));
    expect(error).toMatchObject({ exceeded: 'pathOperators', count: 160_000, limit: STREAM_LIMITS.pathOperators });
  });

  it('counts a form once for each time a page draws it', async () => {
    const form = {
      dictionary: '<</Type /XObject /Subtype /Form /Filter /FlateDecode>>',
      content: '0 0 9 9 re S\n'.repeat(5000),
    };
    const page = { dictionary: '<</Filter /FlateDecode>>', content: 'q /X1 Do Q\n'.repeat(20) };
    await expect(checkPdfStreams(pdfOf(form, { ...page, content: '/X1 Do' }))).resolves.toBeUndefined();
    const error = await budgetError(checkPdfStreams(pdfOf(form, page)));
    expect(error).toMatchObject({ exceeded: 'pathOperators', count: 10_000 + 20 * 10_000 });
  });

  it('does not count fonts, whose bytes are no operators', async () => {
    const font = { dictionary: '<</Length1 9 /Filter /FlateDecode>>', content: 'm l c\n'.repeat(100_000) };
    await expect(checkPdfStreams(pdfOf(font))).resolves.toBeUndefined();
  });
});
