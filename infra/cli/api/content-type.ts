/**
 * The Content-Type a report file is sent with: from its extension, or for standard input from its first
 * bytes. The API reads the bytes either way; the type only picks the reader.
 */
import { extname } from 'node:path';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.htm': 'text/html',
  '.html': 'text/html',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  return ascii.split('').every((ch, i) => bytes[i] === ch.charCodeAt(0));
}

function sniff(bytes: Uint8Array): string {
  if (startsWith(bytes, '%PDF')) return 'application/pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) return BY_EXTENSION['.docx'] as string;
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{')) return 'application/json';
  if (head.startsWith('<')) return 'text/html';
  return 'text/plain';
}

export function contentTypeOf(bytes: Uint8Array, fileName?: string): string {
  const byName = fileName ? BY_EXTENSION[extname(fileName).toLowerCase()] : undefined;
  return byName ?? sniff(bytes);
}

/** A name for standard input, so the stored original still says what kind of file it was. */
export function fileNameFor(contentType: string): string {
  const extension = Object.entries(BY_EXTENSION).find(([, type]) => type === contentType)?.[0] ?? '.bin';
  return `stdin${extension}`;
}
