/**
 * Flate-bomb protection for PDFs: before pdf.js opens a file, every flate-compressed stream it could
 * decode while reading text (page contents, forms, fonts, object streams) is inflated here, counted and
 * dropped, against one budget for the whole file. A PDF of 1 MB can otherwise decode to gigabytes.
 * Images and attachments are skipped: text extraction never decodes them, and scans are mostly images.
 */
import { constants, createInflate, inflateSync } from 'node:zlib';

/** Real report PDFs decode to 1–2 MB; fully embedded CJK fonts (10–20 MB each) still fit. */
export const MAX_DECODED_STREAM_BYTES = 64 * 1024 * 1024;

/** The file's streams decode to more than the budget. */
export class StreamBudgetError extends Error {
  override readonly name = 'StreamBudgetError';
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

/** Throws StreamBudgetError when the file's decodable streams add up to more than the budget. */
export async function checkDecodedStreamBytes(pdf: Uint8Array, budget = MAX_DECODED_STREAM_BYTES): Promise<void> {
  let total = 0;
  for (const stream of rawStreams(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength))) {
    if (isNeverDecodedForText(stream.dictionary)) continue;
    const stages = flateStages(stream.dictionary);
    let data = stream.data;
    let decoded = 0;
    for (let stage = 1; stage <= stages && data.byteLength > 0; stage++) {
      const { length, out } = await inflateWithin(data, budget - total, stage < stages);
      decoded = length;
      if (total + length > budget) throw new StreamBudgetError(`streams decode to more than ${budget} bytes`);
      if (out) data = out;
    }
    total += decoded;
  }
}
