/**
 * Zip-bomb protection for uploaded DOCX files. The declared sizes of the central directory are checked
 * first, before anything is inflated: their total, each part's ratio, and the total of the parts the
 * converter reads. Then every part the converter will read (XML and relationship parts) is inflated once
 * with its declared size as a hard output limit, so an entry that lies about its size is caught without
 * ever growing past the limit. Images and embedded files are never inflated.
 */
import { inflateRawSync } from 'node:zlib';
import type { LocalizedMessage } from '../../errors.ts';
import { megabytes } from '../megabytes.ts';
import { entryData, type ZipEntry, ZipFormatError } from './zip-directory.ts';

/** A report DOCX has a few dozen parts; thousands of entries is a crafted archive. */
export const MAX_ENTRIES = 1000;
/** Sum of the declared uncompressed sizes (text, styles, images of a long report fit easily). */
export const MAX_TOTAL_UNCOMPRESSED = 128 * 1024 * 1024;
/**
 * All parts the converter reads (XML and relationships), inflated. A long report's are under 1 MB; the
 * converter needs tens of MB of memory and up to a second per MB of XML, so this bounds its cost too.
 */
export const MAX_READ_PARTS_BYTES = 4 * 1024 * 1024;
/** XML deflates 5–30×; a larger part compressing beyond this is a bomb, not a document. */
export const MAX_COMPRESSION_RATIO = 100;
const RATIO_APPLIES_ABOVE = 1024 * 1024;

/** The archive would expand beyond the limits; `found` says which, in the filer's terms. */
export class ZipLimitError extends Error {
  override readonly name = 'ZipLimitError';
  constructor(readonly found: LocalizedMessage) {
    super(found.en);
  }
}

export function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  if (entries.length > MAX_ENTRIES) {
    throw new ZipLimitError({
      zh: `压缩包中有 ${entries.length} 个部件，超过 ${MAX_ENTRIES} 个的上限`,
      en: `it holds ${entries.length} parts, over the limit of ${MAX_ENTRIES}`,
    });
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_APPLIES_ABOVE && ratio > MAX_COMPRESSION_RATIO) {
      throw new ZipLimitError({
        zh: `部件 ${entry.name} 压缩了 ${Math.round(ratio)} 倍，超过 ${MAX_COMPRESSION_RATIO} 倍的上限（正常文档为 5–30 倍）`,
        en: `its part ${entry.name} is compressed ${Math.round(ratio)}×, over the limit of ${MAX_COMPRESSION_RATIO}× (real documents 5–30×)`,
      });
    }
  }
  if (total > MAX_TOTAL_UNCOMPRESSED) {
    throw new ZipLimitError({
      zh: `全部部件解压后共 ${megabytes(total)} MB，超过 ${megabytes(MAX_TOTAL_UNCOMPRESSED)} MB 的上限`,
      en: `its parts expand to ${megabytes(total)} MiB, over the limit of ${megabytes(MAX_TOTAL_UNCOMPRESSED)} MiB`,
    });
  }
  const read = entries.filter(isReadPart).reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (read > MAX_READ_PARTS_BYTES) {
    throw new ZipLimitError({
      zh: `正文、样式等 XML 部件解压后共 ${megabytes(read)} MB，超过 ${megabytes(MAX_READ_PARTS_BYTES)} MB 的上限（一份长报告不到 1 MB）`,
      en: `its text, style and other XML parts expand to ${megabytes(read)} MiB, over the limit of ${megabytes(MAX_READ_PARTS_BYTES)} MiB (a long report has under 1 MiB)`,
    });
  }
}

/** Parts the DOCX converter reads: the document, styles, numbering, notes and their relationships. */
export function isReadPart(entry: ZipEntry): boolean {
  return /\.(?:xml|rels)$/i.test(entry.name);
}

/** Inflates `entry` with its declared size as the limit; a lying header fails here. */
export function verifyEntry(bytes: Uint8Array, entry: ZipEntry): void {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipFormatError(`${entry.name}: stored size`);
    return;
  }
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (cause) {
    throw new ZipFormatError(`${entry.name} does not inflate to its declared size`, { cause });
  }
  if (inflated.byteLength !== entry.uncompressedSize) {
    throw new ZipFormatError(`${entry.name} inflates to ${inflated.byteLength}, not ${entry.uncompressedSize}`);
  }
}
