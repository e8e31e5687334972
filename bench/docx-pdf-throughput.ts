/**
 * DOCX/PDF throughput: how many reports per second the DOCX reader (mammoth → HTML reader) and the PDF
 * reader (pdf.js text positions → grids) turn into the canonical model. Inputs are the 淮安市 2024 report
 * as DOCX (written into the official template) and the three real sample PDFs, round-robin. Figures are
 * printed, never asserted.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { assembleReport } from '#shared/parse/assemble/assemble-report.ts';
import { readDocx } from '#shared/parse/docx/read-docx.ts';
import type { ReadDocument } from '#shared/parse/grid.ts';
import { readPdf } from '#shared/parse/pdf/read-pdf.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCX_FILES = ['test/fixtures/docx/2024-huaian-city-government.docx'];
const PDF_FILES = [
  'test/fixtures/samples/2024-huaian-city-government.pdf',
  'test/fixtures/samples/2023-huaian-hongze-district-government.pdf',
  'test/fixtures/samples/2024-huaian-hongze-district-government.pdf',
];

export interface DocxPdfFigures {
  readonly docxReportsPerSec: number;
  readonly pdfReportsPerSec: number;
}

type Reader = (bytes: Uint8Array) => Promise<ReadDocument>;

async function load(paths: readonly string[]): Promise<Uint8Array[]> {
  return Promise.all(paths.map(async (p) => new Uint8Array(await readFile(new URL(p, `file://${ROOT}`)))));
}

/** Reports per second over `budgetMs`, after one warm-up pass (pdf.js and mammoth load lazily). */
async function rate(read: Reader, inputs: readonly Uint8Array[], budgetMs: number): Promise<number> {
  for (const input of inputs) assembleReport(await read(input));
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs || done < inputs.length) {
    assembleReport(await read(inputs[done % inputs.length] as Uint8Array));
    done++;
  }
  return done / ((performance.now() - start) / 1000);
}

export async function runDocxPdfBench(log: (line: string) => void = console.log): Promise<DocxPdfFigures> {
  const docx = await load(DOCX_FILES);
  const pdf = await load(PDF_FILES);
  const docxReportsPerSec = await rate(readDocx, docx, 3000);
  log(`docx: ${docxReportsPerSec.toFixed(1)} reports/s read + assembled (${DOCX_FILES.length} file)`);
  const pdfReportsPerSec = await rate(readPdf, pdf, 4000);
  log(`pdf: ${pdfReportsPerSec.toFixed(1)} reports/s read + assembled (${PDF_FILES.length} sample PDFs)`);
  return { docxReportsPerSec: round(docxReportsPerSec), pdfReportsPerSec: round(pdfReportsPerSec) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
