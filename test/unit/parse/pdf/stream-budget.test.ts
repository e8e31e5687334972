import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkDecodedStreamBytes, StreamBudgetError } from '#shared/parse/pdf/stream-budget.ts';

const MB = 1024 * 1024;

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
    await expect(checkDecodedStreamBytes(content, 2 * MB)).resolves.toBeUndefined();
    await expect(checkDecodedStreamBytes(content, MB / 2)).rejects.toBeInstanceOf(StreamBudgetError);
  });

  it('skips images, which text extraction never decodes', async () => {
    const image = pdfWith('<</Subtype /Image /Filter /FlateDecode>>', deflateSync(Buffer.alloc(4 * MB)));
    await expect(checkDecodedStreamBytes(image, MB)).resolves.toBeUndefined();
  });

  it('counts what a damaged stream decodes before the damage', async () => {
    const whole = deflateSync(Buffer.alloc(4 * MB));
    const damaged = Buffer.concat([whole.subarray(0, whole.byteLength - 8), Buffer.from('not deflate at all')]);
    await expect(checkDecodedStreamBytes(pdfWith('<</Filter /FlateDecode>>', damaged), MB)).rejects.toBeInstanceOf(
      StreamBudgetError,
    );
  });

  it('follows a chain of flate filters', async () => {
    const twice = deflateSync(deflateSync(Buffer.alloc(4 * MB)));
    const chained = pdfWith('<</Filter [/FlateDecode /FlateDecode]>>', twice);
    await expect(checkDecodedStreamBytes(chained, MB)).rejects.toBeInstanceOf(StreamBudgetError);
  });
});
