/**
 * S3's browser POST upload, checked as S3 checks it, in front of s3rver (which stores any POST and ignores the
 * policy). The form is read only as far as the file part: the signature, the expiry and every condition are
 * checked there, and a declared length beyond `content-length-range` is refused before the file is read. What
 * passes is buffered (never more than the policy allows) and replayed to s3rver, which stores it and emits the
 * `ObjectCreated:Post` record as S3 would.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** The stand-in's only credentials (s3rver's), so signatures can be checked as S3 checks them. */
const SECRET_ACCESS_KEY = 'S3RVER';
/** The form fields before the file are small; a form whose head is larger is no upload. */
const MAX_FORM_HEAD_BYTES = 64 * 1024;

type Forward = (req: IncomingMessage, res: ServerResponse) => void;

interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** True when it took the request (a multipart POST to a bucket); otherwise the caller forwards it as it is. */
export function handlePostUpload(req: IncomingMessage, res: ServerResponse, forward: Forward): boolean {
  const boundary = formBoundary(req);
  const path = (req.url ?? '/').split('?');
  const bucket = /^\/([^/]+)\/?$/.exec(path[0] ?? '')?.[1];
  if (req.method !== 'POST' || !boundary || !bucket || path.length > 1) return false;
  readUpload(req, boundary, bucket).then(
    (body) => {
      if ('status' in body) return refuse(req, res, body);
      forward(replayOf(req, body), res);
    },
    () => refuse(req, res, { status: 400, code: 'MalformedPOSTRequest', message: 'The body is not a valid form.' }),
  );
  return true;
}

/**
 * A refused upload is still read to its end, unkept, before the answer goes out: HTTP clients (browsers, fetch)
 * report an answer sent mid-body as a broken connection, not as S3's error.
 */
function readUpload(req: IncomingMessage, boundary: string, bucket: string): Promise<Buffer | Refusal> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let limit = MAX_FORM_HEAD_BYTES;
    let head: { fileStart: number; maxBytes: number } | null = null;
    let refusal: Refusal | null = null;
    req.on('data', (chunk: Buffer) => {
      if (refusal) return;
      chunks.push(chunk);
      received += chunk.length;
      if (head === null) {
        const found = readHead(Buffer.concat(chunks), boundary, bucket, declaredLength(req));
        if (found !== null && 'status' in found) refusal = found;
        else if (found !== null) {
          head = found;
          limit = found.fileStart + found.maxBytes + boundary.length + 64;
        }
      }
      if (received > limit) refusal ??= tooLarge();
      if (refusal) chunks.length = 0;
    });
    req.on('error', reject);
    req.on('end', () => resolve(refusal ?? wholeUpload(Buffer.concat(chunks), boundary, head)));
  });
}

function wholeUpload(body: Buffer, boundary: string, head: { fileStart: number; maxBytes: number } | null) {
  if (head === null) return { status: 400, code: 'InvalidArgument', message: 'POST requires a file field.' };
  const end = body.indexOf(`\r\n--${boundary}`, head.fileStart);
  const size = (end < 0 ? body.length : end) - head.fileStart;
  if (size > head.maxBytes) return tooLarge();
  if (size < 1) return { status: 400, code: 'EntityTooSmall', message: 'The upload is smaller than allowed.' };
  return body;
}

/** Null until the file part's header has arrived; then the policy's verdict on the fields before it. */
function readHead(
  soFar: Buffer,
  boundary: string,
  bucket: string,
  contentLength: number | null,
): { fileStart: number; maxBytes: number } | Refusal | null {
  const fields = new Map<string, string>();
  let at = soFar.indexOf(`--${boundary}\r\n`);
  while (at >= 0) {
    const headerEnd = soFar.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) return null;
    const header = soFar.subarray(at, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/i.exec(header)?.[1] ?? '';
    const valueStart = headerEnd + 4;
    if (name === 'file') {
      const verdict = checkPolicy(fields, bucket);
      if ('status' in verdict) return verdict;
      // The least the file can be, from the declared length: refuse before reading it.
      const trailer = `\r\n--${boundary}--`.length;
      if (contentLength !== null && contentLength - valueStart - trailer - 2 > verdict.maxBytes) return tooLarge();
      return { fileStart: valueStart, maxBytes: verdict.maxBytes };
    }
    const next = soFar.indexOf(`\r\n--${boundary}`, valueStart);
    if (next < 0) return null;
    fields.set(name.toLowerCase(), soFar.subarray(valueStart, next).toString('utf8'));
    at = next + 2;
  }
  return null;
}

function checkPolicy(fields: Map<string, string>, bucket: string): { maxBytes: number } | Refusal {
  const encoded = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  const credential = fields.get('x-amz-credential');
  if (!encoded || !signature || !credential) return denied('The form has no signed policy.');
  const [, day, region, service] = credential.split('/');
  const signingKey = [day, region, service, 'aws4_request'].reduce<Buffer>(
    (key, part) =>
      createHmac('sha256', key)
        .update(part ?? '')
        .digest(),
    Buffer.from(`AWS4${SECRET_ACCESS_KEY}`),
  );
  const expected = createHmac('sha256', signingKey).update(encoded).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 403, code: 'SignatureDoesNotMatch', message: 'The policy signature does not match.' };
  }
  const policy = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as {
    expiration?: string;
    conditions?: unknown[];
  };
  if (!policy.expiration || Date.parse(policy.expiration) < Date.now()) return denied('Policy expired.');
  let maxBytes = Number.POSITIVE_INFINITY;
  const values = new Map([...fields, ['bucket', bucket]]);
  for (const condition of policy.conditions ?? []) {
    if (Array.isArray(condition) && condition[0] === 'content-length-range') {
      maxBytes = Number(condition[2]);
      continue;
    }
    const [op, field, expected] = Array.isArray(condition)
      ? [String(condition[0]), String(condition[1]).replace(/^\$/, ''), String(condition[2])]
      : ['eq', ...(Object.entries(condition as Record<string, string>)[0] ?? ['', ''])];
    const actual = values.get(String(field).toLowerCase()) ?? '';
    const holds = op === 'starts-with' ? actual.startsWith(String(expected)) : actual === expected;
    if (!holds) return denied(`Policy Condition failed: ["${op}", "$${field}", "${expected}"]`);
  }
  return { maxBytes };
}

function formBoundary(req: IncomingMessage): string | null {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return null;
  return /boundary="?([^";]+)"?/i.exec(type)?.[1] ?? null;
}

function declaredLength(req: IncomingMessage): number | null {
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) ? length : null;
}

const tooLarge = (): Refusal => ({
  status: 400,
  code: 'EntityTooLarge',
  message: 'Your proposed upload exceeds the maximum allowed size',
});
const denied = (detail: string): Refusal => ({
  status: 403,
  code: 'AccessDenied',
  message: `Invalid according to Policy: ${detail}`,
});

/** S3's XML error (with CORS, so the upload page can read why). */
function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')}</Message></Error>`;
  const origin = req.headers.origin;
  res.writeHead(refusal.status, {
    'content-type': 'application/xml',
    ...(origin ? { 'access-control-allow-origin': '*' } : {}),
  });
  res.end(xml);
}

/** The buffered request, as s3rver's Koa app reads one. */
function replayOf(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = Readable.from([body]) as unknown as IncomingMessage;
  return Object.assign(replay, {
    headers: { ...req.headers, 'content-length': String(body.length) },
    rawHeaders: req.rawHeaders,
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
  });
}
