import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '#shared/parse/grid.ts';
import { readHtml } from '#shared/parse/html/read-html.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/html');

/** What every reader output must satisfy, whatever the input. */
function expectWellFormed(doc: ReadDocument): void {
  expect(doc.layout).toBe('html');
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      expect(block.text).not.toBe('');
      expect(block.text).toBe(block.text.trim());
      continue;
    }
    const width = block.grid.rows[0]?.length ?? 0;
    expect(width).toBeGreaterThan(1);
    for (const row of block.grid.rows) {
      expect(row).toHaveLength(width);
      for (const cell of row) {
        expect(cell.text).toBe(cell.text.trim());
        expect(cell.text.includes('\u0000')).toBe(false);
      }
    }
  }
}

/** Markup pieces real report pages are made of, including the broken and absurd ones. */
const piece = fc.oneof(
  fc.constantFrom(
    '<table>',
    '</table>',
    '<tr>',
    '</tr>',
    '<td>',
    '</td>',
    '<th colspan="0">',
    '<td rowspan="1000">',
    '<td colspan="99999">',
    '<td rowspan="-3" colspan="abc">',
    '<thead>',
    '<tbody>',
    '<caption>',
    '<p class=MsoNormal>',
    '</p>',
    '<br>',
    '<span lang=EN-US>',
    '</span>',
    '<o:p>&nbsp;</o:p>',
    '<![if !supportMisc]>',
    '<![endif]>',
    '<!--[if gte mso 9]><xml>',
    '<div class="nav">',
    '<div id="zoom">',
    '</div>',
    '<form>',
    '<script>',
    '<style>',
    '<div style="display:none">',
    '一、总体情况',
    '三、收到和处理政府信息公开申请情况',
    '自然人',
    '行政复议',
    '某局2021年政府信息公开工作年度报告',
    '&nbsp;',
    '\r\n',
  ),
  fc.string({ maxLength: 8 }),
);
const markupSoup = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));

describe('readHtml never fails on broken input', () => {
  it('reads arbitrary strings without throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => expectWellFormed(readHtml(text))));
  });

  it('reads random report-like markup soup into well-formed blocks', () => {
    fc.assert(
      fc.property(markupSoup, (html) => expectWellFormed(readHtml(html))),
      { numRuns: 300 },
    );
  });

  it('reads every fixture cut off at any point', () => {
    const texts = ['word-2021', 'cms-2022', 'hybrid-2023'].map((name) =>
      readFileSync(join(FIXTURES, `${name}.html`), 'utf8'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.double({ min: 0, max: 1, noNaN: true }), (text, share) =>
        expectWellFormed(readHtml(text.slice(0, Math.floor(text.length * share)))),
      ),
      { numRuns: 40 },
    );
  });

  it('reads nesting as deep as real pages go, and refuses deeper nesting with a typed error', () => {
    const deep = (depth: number) => `${'<div><span>'.repeat(depth)}一、总体情况${'</span></div>'.repeat(depth)}`;
    expect(readHtml(deep(200)).blocks).toEqual([{ kind: 'paragraph', text: '一、总体情况' }]);
    for (const nested of [deep(50_000), `${'<table><tr><td>'.repeat(2_000)}x`]) {
      expect(() => readHtml(nested)).toThrowError(
        expect.objectContaining({ code: 'DOCUMENT_TOO_COMPLEX' }) as unknown as Error,
      );
    }
  });
});
