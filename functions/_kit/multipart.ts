/** Just enough multipart/form-data (RFC 7578) to take a file field out of a request body. */

export interface FormPart {
  readonly name: string;
  readonly fileName: string | null;
  readonly contentType: string | null;
  readonly bytes: Uint8Array;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/** The parts of a multipart body, or null when it is not well-formed. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at === -1) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (!body.subarray(at, at + 2).equals(CRLF)) return null;
    const headersEnd = body.indexOf(HEADER_END, at + 2);
    if (headersEnd === -1) return null;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headersEnd + HEADER_END.length);
    if (next === -1) return null;
    const part = partOf(body.subarray(at + 2, headersEnd).toString('utf8'), body.subarray(headersEnd + 4, next));
    if (!part) return null;
    parts.push(part);
    at = next + CRLF.length;
  }
}

function partOf(headerBlock: string, bytes: Buffer): FormPart | null {
  const headers = new Map(
    headerBlock.split('\r\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
    }),
  );
  const disposition = headers.get('content-disposition') ?? '';
  const name = paramOf(disposition, 'name');
  if (name === null) return null;
  return { name, fileName: fileNameOf(disposition), contentType: headers.get('content-type') ?? null, bytes };
}

/** Browsers send the file name as raw UTF-8 in quotes; some clients add the RFC 5987 `filename*` form. */
function fileNameOf(disposition: string): string | null {
  const extended = /;\s*filename\*=(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall back to the plain parameter
    }
  }
  return paramOf(disposition, 'filename');
}

function paramOf(disposition: string, param: string): string | null {
  const match = new RegExp(`;\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(disposition);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? null : value.replace(/\\(.)/g, '$1');
}
