/**
 * What a presigned upload may carry: one of the report media types, at most as many bytes as the readers
 * accept for that type. S3 enforces both from the signed POST policy, so an oversized or foreign file is
 * refused at the door and never reaches a bucket, let alone the locked one.
 */
import { isReportMediaType, maxBytesOf, mediaTypeOfFileName, REPORT_MEDIA_TYPES } from '#shared/media-types.ts';
import { FilingError } from './errors.ts';

export interface UploadType {
  /** Pinned in the POST policy: the upload must be sent with exactly this Content-Type. */
  readonly contentType: string;
  readonly maxBytes: number;
}

/** The declared type if it is a report media type, else the one the file name's extension implies; refused otherwise. */
export function uploadType(contentType: string | null, fileName: string | null): UploadType {
  const declared = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType && isReportMediaType(declared)) return { contentType, maxBytes: maxBytesOf(declared) };
  // Browsers type what they do not know as '' or application/octet-stream; the extension says more.
  const implied = fileName ? mediaTypeOfFileName(fileName) : undefined;
  if (implied) return { contentType: implied, maxBytes: maxBytesOf(implied) };
  throw new FilingError(
    'UNSUPPORTED_MEDIA_TYPE',
    {
      zh: `不支持的文件类型：${declared || fileName || '（未指定）'}；只接受 TXT、HTML、JSON、PDF 或 DOCX`,
      en: `Unsupported file type: ${declared || fileName || '(none)'}; only text, HTML, JSON, PDF or DOCX`,
    },
    { details: { accepted: [...REPORT_MEDIA_TYPES] } },
  );
}
