/**
 * What a presigned upload may carry: one of the report media types, at most as many bytes as the readers
 * accept for that type. S3 enforces both from the signed POST policy, so an oversized or foreign file is
 * refused at the door and never reaches a bucket, let alone the locked one.
 */
import { MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES } from '#shared/parse/parse-report.ts';
import { FilingError } from './errors.ts';

/** Readers exist for these; anything else is refused before reading. */
export const REPORT_MEDIA_TYPES = [
  'text/plain',
  'text/html',
  'application/json',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type ReportMediaType = (typeof REPORT_MEDIA_TYPES)[number];

const BY_EXTENSION: Readonly<Record<string, ReportMediaType>> = {
  txt: 'text/plain',
  text: 'text/plain',
  htm: 'text/html',
  html: 'text/html',
  json: 'application/json',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Text kinds are read whole as text; PDF and DOCX carry fonts and images besides the text. */
export function maxUploadBytes(mediaType: ReportMediaType): number {
  return mediaType === 'application/pdf' || mediaType === BY_EXTENSION.docx ? MAX_DOCUMENT_BYTES : MAX_TEXT_BYTES;
}

export function isReportMediaType(mediaType: string): mediaType is ReportMediaType {
  return (REPORT_MEDIA_TYPES as readonly string[]).includes(mediaType);
}

export interface UploadType {
  /** Pinned in the POST policy: the upload must be sent with exactly this Content-Type. */
  readonly contentType: string;
  readonly maxBytes: number;
}

/** The declared type if it is a report media type, else the one the file name's extension implies; refused otherwise. */
export function uploadType(contentType: string | null, fileName: string | null): UploadType {
  const declared = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType && isReportMediaType(declared)) return { contentType, maxBytes: maxUploadBytes(declared) };
  // Browsers type what they do not know as '' or application/octet-stream; the extension says more.
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const implied = extension ? BY_EXTENSION[extension] : undefined;
  if (implied) return { contentType: implied, maxBytes: maxUploadBytes(implied) };
  throw new FilingError(
    'UNSUPPORTED_MEDIA_TYPE',
    {
      zh: `不支持的文件类型：${declared || fileName || '（未指定）'}；只接受 TXT、HTML、JSON、PDF 或 DOCX`,
      en: `Unsupported file type: ${declared || fileName || '(none)'}; only text, HTML, JSON, PDF or DOCX`,
    },
    { details: { accepted: [...REPORT_MEDIA_TYPES] } },
  );
}
