/**
 * How much a decoded PDF content stream draws, counted from its bytes before pdf.js sees them: pdf.js
 * turns every path operator into operator-list entries at a few microseconds each, so a page of a million
 * ruled lines costs seconds to read although its file is a few kilobytes. Counting the operators lets the
 * reader refuse such a page at once, by a declared limit rather than at its deadline.
 */

export interface StreamDrawing {
  /** Path construction, painting and clipping operators (m l c v y h re, S s f F f* B B* b b* n, W W*). */
  readonly pathOperators: number;
  /** `Do` operators: each draws an XObject (a picture, or a form whose own operators run again). */
  readonly invocations: number;
}

/** PDF whitespace and delimiters: the bytes that end an operator token. */
const ENDS_TOKEN = new Uint8Array(256);
for (const c of ' \t\r\n\f\0()<>[]{}/%') ENDS_TOKEN[c.charCodeAt(0)] = 1;

const ONE_BYTE_PATH = new Uint8Array(256);
for (const c of 'mlcvyhSsfFBbnW') ONE_BYTE_PATH[c.charCodeAt(0)] = 1;
/** Two-byte path operators, as `first << 8 | second`. */
const TWO_BYTE_PATH = new Set(['re', 'f*', 'B*', 'b*', 'W*'].map((op) => (op.charCodeAt(0) << 8) | op.charCodeAt(1)));
const DO = ('D'.charCodeAt(0) << 8) | 'o'.charCodeAt(0);

/**
 * Counts the stream's path operators and XObject invocations. Operands, names and most of the text inside
 * strings are longer tokens or delimited, so the count is the operators' within a few stray letters.
 */
export function drawingOf(content: Uint8Array): StreamDrawing {
  let pathOperators = 0;
  let invocations = 0;
  let start = -1;
  for (let i = 0; i <= content.length; i++) {
    const byte = i < content.length ? (content[i] as number) : 0x20;
    if (ENDS_TOKEN[byte] === 0) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    if (length === 1) {
      pathOperators += ONE_BYTE_PATH[content[start] as number] as number;
    } else if (length === 2) {
      const code = ((content[start] as number) << 8) | (content[start + 1] as number);
      if (TWO_BYTE_PATH.has(code)) pathOperators++;
      else if (code === DO) invocations++;
    }
    start = -1;
  }
  return { pathOperators, invocations };
}
