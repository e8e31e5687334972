/**
 * The full check (read + every rule, `checkReport`) of each kind of input, against the cheapest conceivable
 * way to obtain the same model: `JSON.parse` + schema parse of its canonical JSON, timed in the same run,
 * batches interleaved so a neighbour's burst hits both. For HTML, parse5 alone on the same page is the
 * floor of any HTML reader. Every timed result is verified afterwards (figures and findings as expected),
 * so a figure can never come from work that was skipped. Figures are printed, never asserted.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { checkReport } from '#shared/check-report.ts';
import { decodeText } from '#shared/parse/decode.ts';
import { renderReportJson } from '#shared/render/json.ts';
import { type Report, ReportSchema } from '#shared/report/model.ts';
import { cellAt, cellRefs } from '#shared/report/paths.ts';
import { type Batch, interleavedMedians } from './interleaved-timing.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => join(ROOT, path);

type Kind = 'text' | 'html' | 'docx' | 'pdf';

interface BenchInput {
  readonly kind: Kind;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Where the report's figures were transcribed independently of the readers. */
  readonly expectedFile: string;
}

const INPUTS: readonly Omit<BenchInput, 'bytes'>[] = [
  {
    kind: 'text',
    name: 'test/fixtures/samples/2022-shaoguan-qujiang-trade-union.txt',
    expectedFile: 'test/fixtures/golden/2022-shaoguan-qujiang-trade-union.json',
  },
  ...['cms-2022', 'gbk-2022', 'hybrid-2023', 'word-2019', 'word-2021'].map((n) => ({
    kind: 'html' as const,
    name: `test/fixtures/html/${n}.html`,
    expectedFile: `test/fixtures/html/${n}.expected.json`,
  })),
  // LibreOffice's HTML export of the template forms: the corpus's HTML documents.
  ...[
    'template-2021',
    'template-varied',
    'template-2021-narrow',
    'template-2019',
    'template-2019-narrow',
    'template-hybrid',
  ].map((n) => ({
    kind: 'html' as const,
    name: `test/fixtures/corpus/${n}.libreoffice.html`,
    expectedFile: `test/fixtures/corpus/${n}.expected.json`,
  })),
  {
    kind: 'docx',
    name: 'test/fixtures/docx/2024-huaian-city-government.docx',
    expectedFile: 'test/fixtures/pdf/2024-huaian-city-government.expected.json',
  },
  ...[
    '2024-huaian-city-government',
    '2023-huaian-hongze-district-government',
    '2024-huaian-hongze-district-government',
  ].map((n) => ({
    kind: 'pdf' as const,
    name: `test/fixtures/samples/${n}.pdf`,
    expectedFile: `test/fixtures/pdf/${n}.expected.json`,
  })),
];

/** Time per kind: text and HTML are sub-millisecond, DOCX and PDF take tens of milliseconds each. */
const BUDGET_MS: Readonly<Record<Kind, number>> = { text: 4000, html: 1500, docx: 2000, pdf: 1500 };
/**
 * Checking every input of a kind in turn before any is timed: the first input timed would otherwise pay for
 * compiling the code all of them share (V8 optimises on background threads, whose CPU time the clock counts),
 * and for the heap growing to its working size. DOCX and PDF are read in a child process of their own.
 */
const WARM_UP_MS: Readonly<Record<Kind, number>> = { text: 500, html: 3000, docx: 0, pdf: 0 };

async function warmUp(inputs: readonly BenchInput[], ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (inputs.length > 0 && performance.now() < until) {
    for (const input of inputs) {
      await checkReport(input);
      if (input.kind === 'html') parse(decodeText(input.bytes).text);
    }
  }
}

/** The filled cells of a report: what a reader must have found. */
function figures(report: Report): number {
  let n = 0;
  for (const ref of cellRefs(report.shapes)) if (cellAt(report, ref.path) != null) n++;
  return n;
}

/**
 * Figures of the independent transcription: canonical JSON, or (the PDF transcriptions) each row's
 * figures as an array in column order. Provincial extra rows are not template cells and are not counted.
 */
async function expectedFigures(file: string): Promise<number> {
  const expected = JSON.parse(await readFile(at(file), 'utf8')) as Record<string, unknown>;
  let n = 0;
  for (const table of ['proactiveDisclosure', 'applications', 'reviewsAndLawsuits']) {
    const rows = expected[table];
    if (typeof rows !== 'object' || rows === null) continue;
    for (const [key, row] of Object.entries(rows)) {
      if (key === 'extraRows' || typeof row !== 'object' || row === null) continue;
      for (const value of Object.values(row)) if (typeof value === 'number') n++;
    }
  }
  return n;
}

export interface KindFigures {
  readonly checkMicros: number;
  readonly jsonParseSchemaMicros: number;
  readonly parseOnlyMicros: number | null;
}

interface Measured extends KindFigures {
  readonly name: string;
  readonly checkRatio: number;
  readonly parseOnlyRatio: number | null;
}

function verifier(name: string) {
  return (ok: boolean, what: string): void => {
    if (!ok) throw new Error(`${name}: ${what}: the timed work was not done as expected`);
  };
}

/** Check and JSON + schema of one input, interleaved; HTML also parse5 alone on the same text. */
async function measure(input: BenchInput, log: (line: string) => void): Promise<Measured> {
  const verify = verifier(input.name);
  const first = await checkReport(input);
  const wanted = { figures: figures(first.report), findings: first.findings.length };
  const transcribed = await expectedFigures(input.expectedFile);
  verify(wanted.figures === transcribed, `read ${wanted.figures} figures, the transcription has ${transcribed}`);
  const canonical = renderReportJson(first.report);
  const html = input.kind === 'html' ? decodeText(input.bytes).text : null;
  const htmlNodes = html === null ? 0 : parse(html).childNodes.length;

  // Every result's findings are counted as it comes; the last of each batch is checked in full once the
  // clock stops (keeping every result alive would bill the check for promoting them out of the young heap).
  const batches: Record<string, Batch> = {
    check: async (n) => {
      let last = first;
      for (let i = 0; i < n; i++) {
        last = await checkReport(input);
        if (last.findings.length !== wanted.findings) verify(false, `${last.findings.length} findings`);
      }
      return () => verify(figures(last.report) === wanted.figures, `${figures(last.report)} figures`);
    },
    json: (n) => {
      let last: Report | undefined;
      for (let i = 0; i < n; i++) last = ReportSchema.parse(JSON.parse(canonical));
      return () => verify(last !== undefined && figures(last) === wanted.figures, 'the canonical JSON lost figures');
    },
  };
  if (html !== null) {
    batches.parse5 = (n) => {
      let last: { readonly childNodes: readonly unknown[] } | undefined;
      for (let i = 0; i < n; i++) last = parse(html);
      return () => verify(last?.childNodes.length === htmlNodes, 'parse5 built another tree');
    };
  }
  // DOCX and PDF are read in a child process, whose CPU time this process cannot see.
  const clock = input.kind === 'docx' || input.kind === 'pdf' ? 'wall' : 'cpu';
  const m = await interleavedMedians(batches, BUDGET_MS[input.kind], clock);
  const parseOnly = m.micros.parse5 ?? null;
  log(
    `  ${input.name}: check ${fmt(m.micros.check)} µs, JSON.parse + schema ${fmt(m.micros.json)} µs ` +
      `(×${(m.ratios.check?.json ?? 0).toFixed(2)})` +
      (parseOnly === null ? '' : `, parse5 alone ${fmt(parseOnly)} µs (×${(m.ratios.check?.parse5 ?? 0).toFixed(2)})`) +
      `; ${wanted.figures} figures, ${wanted.findings} findings, ${m.rounds} rounds`,
  );
  return {
    name: input.name,
    checkMicros: m.micros.check ?? 0,
    jsonParseSchemaMicros: m.micros.json ?? 0,
    parseOnlyMicros: parseOnly,
    checkRatio: m.ratios.check?.json ?? 0,
    parseOnlyRatio: parseOnly === null ? null : (m.ratios.check?.parse5 ?? 0),
  };
}

function fmt(micros: number | undefined): string {
  const value = micros ?? 0;
  return value >= 1000 ? `${(value / 1000).toFixed(1)}k` : value.toFixed(1);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export async function runReportEngineBench(log: (line: string) => void = console.log) {
  const inputs: BenchInput[] = await Promise.all(
    INPUTS.map(async (i) => ({ ...i, bytes: new Uint8Array(await readFile(at(i.name))) })),
  );
  const byKind = new Map<Kind, Measured[]>();
  for (const kind of ['text', 'html', 'docx', 'pdf'] as const) {
    log(`${kind}:`);
    const measured: Measured[] = [];
    const ofKind = inputs.filter((i) => i.kind === kind);
    await warmUp(ofKind, WARM_UP_MS[kind]);
    for (const input of ofKind) measured.push(await measure(input, log));
    byKind.set(kind, measured);
  }
  const text = byKind.get('text')?.[0];
  const html = byKind.get('html') ?? [];
  const docx = byKind.get('docx') ?? [];
  const pdf = byKind.get('pdf') ?? [];
  const htmlCheck = sum(html.map((m) => m.checkMicros));
  const htmlParse5 = sum(html.map((m) => m.parseOnlyMicros ?? 0));
  const worstHtml = html.reduce<Measured | undefined>(
    (worst, m) => ((m.parseOnlyRatio ?? 0) > (worst?.parseOnlyRatio ?? -1) ? m : worst),
    undefined,
  );
  const figures = {
    checkMicrosText: round(text?.checkMicros ?? 0),
    jsonParseSchemaMicros: round(text?.jsonParseSchemaMicros ?? 0),
    checkRatio: round(text?.checkRatio ?? 0, 2),
    htmlCheckMicros: round(mean(html.map((m) => m.checkMicros))),
    htmlParseOnlyMicros: round(mean(html.map((m) => m.parseOnlyMicros ?? 0))),
    htmlCheckVsParseOnly: round(htmlCheck / Math.max(1, htmlParse5), 2),
    htmlWorstCheckVsParseOnly: round(worstHtml?.parseOnlyRatio ?? 0, 2),
    htmlWorstPage: worstHtml?.name ?? null,
    htmlJsonParseSchemaMicros: round(mean(html.map((m) => m.jsonParseSchemaMicros))),
    docxCheckMicros: round(mean(docx.map((m) => m.checkMicros))),
    docxJsonParseSchemaMicros: round(mean(docx.map((m) => m.jsonParseSchemaMicros))),
    pdfCheckMicros: round(mean(pdf.map((m) => m.checkMicros))),
    pdfJsonParseSchemaMicros: round(mean(pdf.map((m) => m.jsonParseSchemaMicros))),
    textReportsPerSec: round(1e6 / Math.max(1, text?.checkMicros ?? 0)),
    htmlReportsPerSec: round(1e6 / Math.max(1, mean(html.map((m) => m.checkMicros)))),
    docxReportsPerSec: round(1e6 / Math.max(1, mean(docx.map((m) => m.checkMicros)))),
    pdfReportsPerSec: round(1e6 / Math.max(1, mean(pdf.map((m) => m.checkMicros)))),
    htmlInputs: html.length,
    pdfInputs: pdf.length,
  };
  log(
    `seed: full check ${figures.checkMicrosText} µs = ×${figures.checkRatio} JSON.parse + schema of its canonical JSON; ` +
      `HTML: check ×${figures.htmlCheckVsParseOnly} parse5 alone on the same pages ` +
      `(worst page ×${figures.htmlWorstCheckVsParseOnly}, ${figures.htmlWorstPage})`,
  );
  return figures;
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
