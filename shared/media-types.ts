/**
 * Every media type, file extension and size limit a report file is known by: the readers, the upload
 * policy, the request checks, the stored originals and the CLI all read them here. Pure data, so that a
 * function that only names a type does not carry the readers.
 */

/** Each kind of file a reader exists for, with the media type and extension it is stored and served under. */
export const FILE_FORMATS = {
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  json: { mediaType: 'application/json', extension: 'json' },
  html: { mediaType: 'text/html', extension: 'html' },
  text: { mediaType: 'text/plain', extension: 'txt' },
  /** Anything no reader takes (a ZIP, an image, legacy Word, binary junk). */
  other: { mediaType: 'application/octet-stream', extension: 'bin' },
} as const;

export type FileKind = keyof typeof FILE_FORMATS;

/** Readers exist for these; anything else is refused before reading. */
export const REPORT_MEDIA_TYPES = [
  FILE_FORMATS.text.mediaType,
  FILE_FORMATS.html.mediaType,
  FILE_FORMATS.json.mediaType,
  FILE_FORMATS.pdf.mediaType,
  FILE_FORMATS.docx.mediaType,
] as const;
export type ReportMediaType = (typeof REPORT_MEDIA_TYPES)[number];

/** File name extensions (lower case, no dot) and the report media type each implies. */
const BY_EXTENSION: Readonly<Record<string, ReportMediaType>> = {
  txt: FILE_FORMATS.text.mediaType,
  text: FILE_FORMATS.text.mediaType,
  htm: FILE_FORMATS.html.mediaType,
  html: FILE_FORMATS.html.mediaType,
  json: FILE_FORMATS.json.mediaType,
  pdf: FILE_FORMATS.pdf.mediaType,
  docx: FILE_FORMATS.docx.mediaType,
};

/** A report's text is tens of kilobytes; 10 MiB of text is already far beyond any real one. */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;
/** Word and PDF files carry fonts and images (seals, scans) besides the text. */
export const MAX_DOCUMENT_BYTES = 40 * 1024 * 1024;

export function isReportMediaType(mediaType: string): mediaType is ReportMediaType {
  return (REPORT_MEDIA_TYPES as readonly string[]).includes(mediaType);
}

/** The report media type a file name's extension implies, if any. */
export function mediaTypeOfFileName(fileName: string): ReportMediaType | undefined {
  const extension = fileName.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}

/** Text kinds are read whole as text; PDF and DOCX carry fonts and images besides the text. */
export function maxBytesOf(mediaType: ReportMediaType): number {
  return mediaType === FILE_FORMATS.pdf.mediaType || mediaType === FILE_FORMATS.docx.mediaType
    ? MAX_DOCUMENT_BYTES
    : MAX_TEXT_BYTES;
}
