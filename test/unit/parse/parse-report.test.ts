import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { MAX_TEXT_BYTES } from '#shared/media-types.ts';
import { parseReport } from '#shared/parse/parse-report.ts';
import { goldenReport, SEED, textFixture } from './fixture-files.ts';

const encode = (text: string) => new TextEncoder().encode(text);

async function failure(bytes: Uint8Array, fileName?: string): Promise<ReportParseError> {
  const error = await parseReport({ bytes, ...(fileName ? { fileName } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportParseError);
  const parseError = error as ReportParseError;
  expect(parseError.messages.zh).toMatch(/[\u4e00-\u9fff]/);
  return parseError;
}

/** A minimal ZIP: one stored entry and its central directory. */
function zipWith(entryName: string): Uint8Array {
  const name = encode(entryName);
  const local = [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  local.push(name.length, 0, 0, 0, ...name);
  const central = [0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, ...new Array<number>(20).fill(0), name.length, 0];
  central.push(...new Array<number>(12).fill(0), 0, 0, 0, 0, ...name);
  const end = [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, central.length, 0, 0, 0, local.length, 0, 0, 0, 0, 0];
  return new Uint8Array([...local, ...central, ...end]);
}

describe('parseReport on input that is not a report', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'EMPTY_INPUT'],
    ['whitespace only', encode(' \n\t\u3000\r\n'), 'EMPTY_INPUT'],
    ['binary bytes', new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)), 'BINARY_INPUT'],
    ['a ZIP renamed .txt', zipWith('report.txt'), 'UNSUPPORTED_FORMAT'],
    [
      'a legacy Word .doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      'UNSUPPORTED_FORMAT',
    ],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'NEEDS_OCR'],
    ['prose without parts or tables', encode('今天天气很好。\n我们去公园散步。\n'), 'NOT_A_REPORT'],
    ['malformed JSON', encode('{"schemaVersion": 1,'), 'INVALID_JSON'],
  ])('rejects %s with %s', async (_, bytes, code) => {
    expect((await failure(bytes, 'report.txt')).code).toBe(code);
  });

  it('rejects 50 MB of text as too large before reading it', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x30);
    expect((await failure(bytes)).code).toBe('INPUT_TOO_LARGE');
  });

  it('rejects text just over the text limit as too large', async () => {
    const bytes = new Uint8Array(MAX_TEXT_BYTES + 1).fill(0x20);
    expect((await failure(bytes)).code).toBe('INPUT_TOO_LARGE');
  });

  it('rejects a multi-megabyte paste of one figure per line as not a report, without overflowing the stack', async () => {
    expect((await failure(encode('0\n'.repeat(3_000_000)))).code).toBe('NOT_A_REPORT');
  }, 60_000);

  it('names the first wrong fields of canonical JSON that does not match the schema', async () => {
    const report = { ...goldenReport(), year: 'twenty', agency: {} };
    const error = await failure(encode(JSON.stringify(report)));
    expect(error.code).toBe('SCHEMA_MISMATCH');
    expect(error.messages.zh).toContain('year');
    expect(error.messages.zh).toContain('agency.name');
  });
});

describe('parseReport on accepted kinds', () => {
  it('accepts canonical JSON as it is, with no findings', async () => {
    const parsed = await parseReport({ bytes: encode(JSON.stringify(goldenReport())), fileName: 'report.txt' });
    expect(parsed).toEqual({ report: goldenReport(), findings: [], layout: 'json' });
  });

  it('sniffs HTML by content, whatever the file is called', async () => {
    const html =
      '<html><body><p>韶关市曲江区总工会2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>无。</p></body></html>';
    const parsed = await parseReport({ bytes: encode(html), fileName: 'report.txt', contentType: 'text/plain' });
    expect(parsed.layout).toBe('html');
    expect(parsed.report.title).toBe('韶关市曲江区总工会2022年政府信息公开工作年度报告');
  });

  it('reads a text report uploaded with a misleading name and content type', async () => {
    const parsed = await parseReport({
      bytes: textFixture(SEED),
      fileName: 'report.pdf',
      contentType: 'application/pdf',
    });
    expect(parsed.report).toEqual(goldenReport());
  });
});
