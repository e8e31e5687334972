/**
 * What kind of file the bytes are, from their content (magic numbers, then the decoded text's start).
 * A ZIP renamed .txt is still a ZIP; a .docx is a ZIP that holds word/document.xml.
 */

export type BinaryKind = 'docx' | 'zip' | 'pdf' | 'legacy-office' | 'image' | 'text';
export type TextKind = 'json' | 'html' | 'text';

/** The PDF header may follow a few bytes of junk; readers accept it within the first kilobyte. */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function indexOfAscii(bytes: Uint8Array, needle: string, limit = bytes.length): number {
  const first = needle.charCodeAt(0);
  const end = Math.min(limit, bytes.length - needle.length + 1);
  // A typed array's indexOf has no end: searching a view keeps a window's search from scanning the whole file.
  const starts = end < bytes.length ? bytes.subarray(0, Math.max(0, end)) : bytes;
  for (let i = starts.indexOf(first); i >= 0; i = starts.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle.charCodeAt(j)) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGES: readonly (readonly [string, readonly number[]])[] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['TIFF', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF', [0x4d, 0x4d, 0x00, 0x2a]],
];

/** The kind of picture `sniffBinary` found ("PNG", "JPEG" …), for messages. */
export function imageTypeOf(bytes: Uint8Array): string {
  return IMAGES.find(([, magic]) => startsWith(bytes, magic))?.[0] ?? '';
}

export function sniffBinary(bytes: Uint8Array): BinaryKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    // Entry names are stored uncompressed in the local headers and the central directory.
    return indexOfAscii(bytes, 'word/document.xml') >= 0 ? 'docx' : 'zip';
  }
  if (indexOfAscii(bytes, '%PDF-', PDF_HEADER_WINDOW) >= 0) return 'pdf';
  if (startsWith(bytes, OLE2)) return 'legacy-office';
  if (imageTypeOf(bytes) !== '') return 'image';
  return 'text';
}

const HTML_START =
  /<(?:!doctype\s+html|html|head|body|meta|title|table|p|div|span|section|article|h[1-6]|!--|\?xml)[\s>/]/iy;
const HTML_TAG = /<(?:html|body|table)[\s>]/i;
const FIRST_VISIBLE = /\S/;
/** How far into the text an HTML page shows itself (a comment or a blank line may come first). */
const HTML_WINDOW = 2048;

/** Whether the text has anything but whitespace (without copying it, as trim() would). */
export function hasVisibleText(text: string): boolean {
  return FIRST_VISIBLE.test(text);
}

export function sniffText(text: string): TextKind {
  const start = text.search(FIRST_VISIBLE);
  if (start < 0) return 'text';
  if (text.charCodeAt(start) === 0x7b) return 'json';
  // Sticky: the tag must be where the visible text starts.
  HTML_START.lastIndex = start;
  if (HTML_START.test(text) || HTML_TAG.test(text.slice(start, start + HTML_WINDOW))) return 'html';
  return 'text';
}
