/**
 * The report file in a request: the whole body, or the `file` field of a multipart form; a form may carry the
 * filer's explanations of warnings in an `explanations` field (JSON: finding key → text).
 */
import type { FiledFile } from '#shared/filing/check-filing.ts';
import { emptyBody, FilingError } from '#shared/filing/errors.ts';
import type { RequestedExplanations } from '#shared/filing/explain-findings.ts';
import { isReportMediaType, REPORT_MEDIA_TYPES } from '#shared/media-types.ts';
import * as z from '#shared/zod.ts';
import { MAX_BODY_BYTES, payloadTooLarge } from './errors-to-http.ts';
import type { HttpRequest } from './http.ts';
import { boundaryOf, type FormPart, parseMultipart } from './multipart.ts';
import { bodyBytes } from './request-input.ts';

/** The media types a reader exists for (the same list caps presigned uploads); anything else is refused before reading. */
export { REPORT_MEDIA_TYPES };

export function readReportFile(request: HttpRequest): FiledFile {
  return readFiling(request).file;
}

export interface FilingBody {
  readonly file: FiledFile;
  readonly explanations: RequestedExplanations;
}

export function readFiling(request: HttpRequest): FilingBody {
  refuseRewrittenText(request);
  const bytes = bodyBytes(request);
  if (bytes.length > MAX_BODY_BYTES) throw payloadTooLarge();
  const contentType = request.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const isForm = mediaType === 'multipart/form-data';
  if (!isForm && !isReportMediaType(mediaType)) throw unsupportedMediaType(mediaType);
  const parts = isForm ? formParts(bytes, contentType) : null;
  const file = parts ? fileField(parts) : { bytes, contentType, fileName: request.query.fileName ?? null };
  if (file.bytes.length === 0) throw emptyBody();
  if (file.fileName !== null && file.fileName.length > MAX_FILE_NAME_CHARS) throw fileNameTooLong();
  return { file, explanations: parts ? explanationsField(parts) : {} };
}

/** Bounds before the findings are known: keys as long as a finding's paths allow, texts checked in length later. */
const ExplanationsFieldSchema = z.lazy(() =>
  z
    .record(z.string().check(z.minLength(1), z.maxLength(2000)), z.string().check(z.maxLength(4000)))
    .check(z.refine((o) => Object.keys(o).length <= 100, { message: 'at most 100 explanations' })),
);

function explanationsField(parts: readonly FormPart[]): RequestedExplanations {
  const field = parts.find((p) => p.name === 'explanations');
  if (!field) return {};
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(field.bytes));
  } catch {
    throw new FilingError('MALFORMED_JSON', {
      zh: '表单字段 explanations 不是有效的 JSON',
      en: 'The form field "explanations" is not valid JSON',
    });
  }
  const parsed = ExplanationsFieldSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new FilingError(
    'INVALID_REQUEST',
    {
      zh: '表单字段 explanations 须为对象：键为警告的编号（规则代码:单元格路径），值为说明文字',
      en: 'The form field "explanations" must be an object of finding key → text',
    },
    { details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } },
  );
}

/**
 * API Gateway hands text bodies (text/*, JSON) to the function as UTF-8 strings, so bytes that were not UTF-8
 * arrive replaced by U+FFFD and could never be kept as sent: the stored original must hash to the bytes the
 * filer sent. Such a body is refused; sent as a file (multipart) or through an upload it stays bytes.
 */
function refuseRewrittenText(request: HttpRequest): void {
  const { body, isBase64Encoded } = request.event;
  if (isBase64Encoded || body === undefined || !body.includes('\uFFFD')) return;
  throw new FilingError('INVALID_UTF8', {
    zh: '请求中的文本不是有效的 UTF-8 编码（例如 GBK 文本），无法按原样保存。请以文件方式上传（multipart/form-data）或另存为 UTF-8 后重新提交',
    en: 'The text body is not valid UTF-8 and could not be kept byte for byte; send it as a file (multipart/form-data) or as UTF-8',
  });
}

/** What file systems allow (and what the upload route accepts); the name is stored with every receipt. */
export const MAX_FILE_NAME_CHARS = 255;

function fileNameTooLong(): FilingError {
  return new FilingError(
    'INVALID_REQUEST',
    {
      zh: `文件名过长（超过 ${MAX_FILE_NAME_CHARS} 个字符），请改短后重新上传`,
      en: `The file name is longer than ${MAX_FILE_NAME_CHARS} characters`,
    },
    { details: { maxFileNameChars: MAX_FILE_NAME_CHARS } },
  );
}

function formParts(bytes: Buffer, contentType: string): readonly FormPart[] {
  const boundary = boundaryOf(contentType);
  return (boundary ? parseMultipart(bytes, boundary) : null) ?? [];
}

function fileField(parts: readonly FormPart[]): FiledFile {
  const file = parts.find((p) => p.name === 'file');
  if (!file) {
    throw new FilingError('INVALID_REQUEST', {
      zh: '表单中没有名为 file 的文件字段',
      en: 'The multipart form has no field named "file"',
    });
  }
  // The part's own type, if the client named one; the readers sniff the bytes either way.
  return { bytes: file.bytes, contentType: file.contentType ?? 'application/octet-stream', fileName: file.fileName };
}

function unsupportedMediaType(mediaType: string): FilingError {
  return new FilingError(
    'UNSUPPORTED_MEDIA_TYPE',
    {
      zh: `不支持的内容类型：${mediaType || '（未指定）'}`,
      en: `Unsupported content type: ${mediaType || '(none)'}`,
    },
    { details: { accepted: [...REPORT_MEDIA_TYPES, 'multipart/form-data'] } },
  );
}
