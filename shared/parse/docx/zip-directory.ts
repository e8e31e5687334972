/**
 * The central directory of a ZIP (a DOCX is one), read without inflating anything, so the archive's
 * declared sizes can be checked against limits before any entry is decompressed (zip-bomb protection).
 * Only what Word and WPS write is accepted: stored or deflated entries, no encryption, no ZIP64.
 */

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** The archive does not follow the ZIP format (or uses a part of it no DOCX needs). */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const ENTRY_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;
const ZIP64_MARKER = 0xffffffff;

export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === ZIP64_MARKER || offset === ZIP64_MARKER) throw new ZipFormatError('ZIP64');
  if (offset + size > end) throw new ZipFormatError('central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + ENTRY_HEADER_SIZE > offset + size || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new ZipFormatError(`bad central directory entry ${i}`);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (flags & 1) throw new ZipFormatError('encrypted entry');
    const entry: ZipEntry = {
      name: new TextDecoder('utf-8').decode(
        bytes.subarray(at + ENTRY_HEADER_SIZE, at + ENTRY_HEADER_SIZE + nameLength),
      ),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
    if (entry.compressedSize === ZIP64_MARKER || entry.uncompressedSize === ZIP64_MARKER) {
      throw new ZipFormatError('ZIP64 entry');
    }
    entries.push(entry);
    at += ENTRY_HEADER_SIZE + skip;
  }
  return entries;
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError('no end of central directory');
}

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;

/** The compressed bytes of an entry, located through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new ZipFormatError(`no local header for ${entry.name}`);
  }
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipFormatError(`${entry.name} runs past the end`);
  return bytes.subarray(start, start + entry.compressedSize);
}
