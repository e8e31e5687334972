import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fileFormatOf } from '#shared/parse/file-format.ts';
import { SEED_TEXT } from '../filing/seed-report.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('the format of a filed file', () => {
  it('is text for a report with a trailing script line, whatever name it came with', () => {
    const format = fileFormatOf(utf8(`${SEED_TEXT}\n<script>sessionStorage.clear()</script>\n`));
    expect(format).toEqual({ kind: 'text', contentType: 'text/plain; charset=utf-8', extension: 'txt' });
  });

  it('is text for a report that is also a script', () => {
    const polyglot = `/*\n${SEED_TEXT}\n*/ sessionStorage.clear();\n`;
    expect(fileFormatOf(utf8(polyglot)).extension).toBe('txt');
  });

  it('names HTML, JSON, DOCX and PDF by their content', async () => {
    expect(fileFormatOf(utf8('<!doctype html><html><body><table></table></body></html>'))).toMatchObject({
      kind: 'html',
      contentType: 'text/html; charset=utf-8',
      extension: 'html',
    });
    expect(fileFormatOf(utf8('{"schemaVersion":1}')).contentType).toBe('application/json; charset=utf-8');
    const docx = await readFile('test/fixtures/docx/2024-huaian-city-government.docx');
    expect(fileFormatOf(docx).extension).toBe('docx');
    const pdf = await readFile('test/fixtures/pdf/2024-huaian-city-government.chromium.pdf');
    expect(fileFormatOf(pdf)).toEqual({ kind: 'pdf', contentType: 'application/pdf', extension: 'pdf' });
  });

  it('keeps the encoding a text is in, and calls anything else binary', () => {
    const gbk = Buffer.from('c4eab6c8b1a8b8e6', 'hex'); // 年度报告 in GBK
    expect(fileFormatOf(gbk).contentType).toBe('text/plain; charset=gb18030');
    expect(fileFormatOf(Buffer.from('89504e470d0a1a0a', 'hex'))).toMatchObject({ kind: 'other', extension: 'bin' });
    expect(fileFormatOf(Buffer.from([0, 1, 2, 3, 0, 0, 7, 8]))).toMatchObject({ kind: 'other' });
  });
});
