/**
 * Regenerates `test/fixtures/pdf/2024-huaian-city-government.chromium.pdf`:
 * `npx tsx test/unit/parse/pdf/write-chromium-fixture.ts` (needs /usr/bin/chromium and a CJK font).
 * The 淮安市 2024 DOCX fixture as HTML, printed by Chromium with left-aligned cells, tight cell padding
 * and a "- n -" footer: a second PDF producer whose text runs and row spacing differ from WPS's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { chromium } from 'playwright-core';

const docx = readFileSync(new URL('../../../fixtures/docx/2024-huaian-city-government.docx', import.meta.url));
const html = (await mammoth.convertToHtml({ buffer: docx })).value;
const css = [
  'body{font-family:"WenQuanYi Micro Hei";font-size:16pt;margin:0}',
  'p{text-indent:2em;margin:0 0 4pt 0;line-height:1.6}',
  'table{border-collapse:collapse;width:100%;font-size:9pt;margin:6pt 0}',
  'td{border:1px solid #000;padding:3pt;text-align:left;vertical-align:middle}',
  'td p{text-indent:0;margin:0;line-height:1.3}',
].join('');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.setContent(`<html><head><meta charset="utf-8"><style>${css}</style></head><body>${html}</body></html>`);
const pdf = await page.pdf({
  format: 'A4',
  margin: { top: '25mm', bottom: '25mm', left: '25mm', right: '25mm' },
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
});
await browser.close();
writeFileSync(new URL('../../../fixtures/pdf/2024-huaian-city-government.chromium.pdf', import.meta.url), pdf);
