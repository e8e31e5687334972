/**
 * Budgets a PDF's streams before pdf.js opens the file. Flate bombs: every flate-compressed stream pdf.js
 * could decode while reading text (page contents, forms, fonts, object streams) is inflated here, counted
 * and dropped, against one budget for the whole file; a PDF of 1 MB can otherwise decode to gigabytes.
 * Images and attachments are skipped: text extraction never decodes them, and scans are mostly images.
 * Drawing bombs: the path operators of every content stream and form are counted (`drawing-census.ts`),
 * per stream and for the file, so that a page of a million ruled lines is refused before pdf.js spends
 * seconds on it. Streams pdf.js decrypts or decodes by other filters are counted as stored.
 */
import { constants, createInflate, inflateSync } from 'node:zlib';
import { drawingOf } from './drawing-census.ts';

export interface StreamLimits {
  /** Bytes all decodable streams inflate to. */
  readonly decodedBytes: number;
  /** Path operators in one content stream: a page's drawing, or one form's. */
  readonly pathOperatorsPerStream: number;
  /** Path operators the whole file makes pdf.js run, forms counted once per time they are drawn. */
  readonly pathOperators: number;
}

/**
 * Real report PDFs decode to 1–2 MB; fully embedded CJK fonts (10–20 MB each) still fit. A report's table
 * page holds at most 1,200 path operators and a whole report 13,000 (Chromium's print, which draws every
 * cell edge); pdf.js reads about 300,000 a second on one core, so the file's limit costs well under a
 * second.
 */
export const STREAM_LIMITS: StreamLimits = {
  decodedBytes: 64 * 1024 * 1024,
  pathOperatorsPerStream: 30_000,
  pathOperators: 150_000,
};

/** The file's streams exceed one of the limits; `count` is how far the file went (at least `limit` + 1). */
export class StreamBudgetError extends Error {
  override readonly name = 'StreamBudgetError';
  constructor(
    readonly exceeded: keyof StreamLimits,
    readonly count: number,
    readonly limit: number,
  ) {
    super(`${exceeded}: ${count} is over the limit of ${limit}`);
  }
}

const STREAM = Buffer.from('stream', 'latin1');
const END_STREAM = Buffer.from('endstream', 'latin1');
/** How far back from `stream` its dictionary may start; stream dictionaries are short. */
const DICTIONARY_WINDOW = 4096;

interface RawStream {
  readonly dictionary: string;
  readonly data: Uint8Array;
}

function* rawStreams(bytes: Buffer): Generator<RawStream> {
  let at = bytes.indexOf(STREAM);
  while (at >= 0) {
    const isEnd = at >= 3 && bytes.toString('latin1', at - 3, at) === 'end';
    let start = at + STREAM.byteLength;
    if (!isEnd && (bytes[start] === 0x0d || bytes[start] === 0x0a)) {
      if (bytes[start] === 0x0d) start++;
      if (bytes[start] === 0x0a) start++;
      const end = bytes.indexOf(END_STREAM, start);
      const head = bytes.toString('latin1', Math.max(0, at - DICTIONARY_WINDOW), at);
      const dictionary = head.slice(head.lastIndexOf('obj') + 1);
      yield { dictionary, data: bytes.subarray(start, end < 0 ? bytes.byteLength : end) };
      if (end < 0) return;
      at = bytes.indexOf(STREAM, end + END_STREAM.byteLength);
    } else {
      at = bytes.indexOf(STREAM, start);
    }
  }
}

/** The leading FlateDecode filters of a stream (a chain may repeat them); other filters stop the count. */
function flateStages(dictionary: string): number {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary)?.[1] ?? '';
  const names = filter.match(/\/[A-Za-z0-9]+/g) ?? [];
  let stages = 0;
  while (names[stages] === '/FlateDecode' || names[stages] === '/Fl') stages++;
  return stages;
}

function isNeverDecodedForText(dictionary: string): boolean {
  return /\/Subtype\s*\/Image\b/.test(dictionary) || /\/Type\s*\/EmbeddedFile\b/.test(dictionary);
}

type StreamRole = 'content' | 'form' | 'data';

/**
 * Fonts (`/Length1`, `/Subtype /Type1C` …), cross-reference, object, metadata and CMap streams hold no
 * operators; everything else may (page contents, forms, patterns, Type 3 glyphs) and is counted.
 */
function roleOf(dictionary: string): StreamRole {
  if (/\/Subtype\s*\/Form\b/.test(dictionary)) return 'form';
  if (/\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b/.test(dictionary)) return 'data';
  if (/\/Type\s*\/(?:XRef|ObjStm|Metadata|CMap)\b/.test(dictionary)) return 'data';
  return 'content';
}

/**
 * The path operators pdf.js would run. A form's operators run again each time a `Do` draws it; not
 * knowing which name draws which form, every `Do` of a page is taken to draw the largest form, and every
 * `Do` inside a form to draw it once more (forms nested deeper are left to the reader's deadline).
 */
class DrawingTally {
  private operators = 0;
  private pageInvocations = 0;
  private formInvocations = 0;
  private largestForm = 0;

  constructor(private readonly limits: StreamLimits) {}

  add(role: 'content' | 'form', content: Uint8Array): void {
    const { pathOperators, invocations } = drawingOf(content);
    if (pathOperators > this.limits.pathOperatorsPerStream) {
      throw new StreamBudgetError('pathOperatorsPerStream', pathOperators, this.limits.pathOperatorsPerStream);
    }
    this.operators += pathOperators;
    if (role === 'form') {
      this.largestForm = Math.max(this.largestForm, pathOperators);
      this.formInvocations += invocations;
    } else {
      this.pageInvocations += invocations;
    }
    const total = this.operators + this.pageInvocations * this.largestForm * (1 + this.formInvocations);
    if (total > this.limits.pathOperators)
      throw new StreamBudgetError('pathOperators', total, this.limits.pathOperators);
  }
}

interface Inflated {
  readonly length: number;
  readonly out?: Buffer;
}

/**
 * Inflates `data` as pdf.js would (tolerating a cut-off end), stopping past `limit`; `out` is kept when a
 * further stage needs it. One call for an intact stream; a damaged one is streamed instead, to count what
 * comes out before the damage (pdf.js decodes that much too).
 */
function inflateWithin(data: Uint8Array, limit: number, keep: boolean): Promise<Inflated> | Inflated {
  try {
    const out = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: limit + 1 });
    return keep ? { length: out.byteLength, out } : { length: out.byteLength };
  } catch (error) {
    if (error instanceof RangeError) return { length: limit + 1 };
    return inflateStreaming(data, limit, keep);
  }
}

function inflateStreaming(data: Uint8Array, limit: number, keep: boolean): Promise<Inflated> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    const kept: Buffer[] = [];
    let length = 0;
    const done = () => resolve(keep ? { length, out: Buffer.concat(kept) } : { length });
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.byteLength;
      if (keep) kept.push(chunk);
      if (length > limit) {
        inflate.destroy();
        done();
      }
    });
    inflate.on('end', done);
    inflate.on('error', done);
    inflate.end(data);
  });
}

/** Throws StreamBudgetError when the file's streams decode to, or draw, more than the limits allow. */
export async function checkPdfStreams(pdf: Uint8Array, limits: StreamLimits = STREAM_LIMITS): Promise<void> {
  const budget = limits.decodedBytes;
  const drawing = new DrawingTally(limits);
  let total = 0;
  for (const stream of rawStreams(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength))) {
    if (isNeverDecodedForText(stream.dictionary)) continue;
    const role = roleOf(stream.dictionary);
    const stages = flateStages(stream.dictionary);
    let data = stream.data;
    let decoded = 0;
    for (let stage = 1; stage <= stages && data.byteLength > 0; stage++) {
      const { length, out } = await inflateWithin(data, budget - total, stage < stages || role !== 'data');
      decoded = length;
      if (total + length > budget) throw new StreamBudgetError('decodedBytes', total + length, budget);
      if (out) data = out;
    }
    total += decoded;
    if (role !== 'data') drawing.add(role, data);
  }
}
