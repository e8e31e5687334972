/**
 * Every error the API answers, in one place: a DomainError's code → an HTTP status and the body
 * `{"error":{"code","message":{"zh","en"}}}`. Anything else is a 500 with a generic message (the cause is
 * logged with the request id, never sent). The local runner builds its own gateway replies with
 * `errorResponse` too (unknown route, oversized body).
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type LocalizedMessage, type ParseErrorCode, ReportParseError } from '#shared/errors.ts';
import { FilingError, type FilingErrorCode } from '#shared/filing/errors.ts';

const FILING_STATUS: Readonly<Record<FilingErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  AGENCY_MISMATCH: 403,
  AGENCY_NOT_FOUND: 404,
  SUBMISSION_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  AGENCY_EXISTS: 409,
  AMENDMENT_REASON_REQUIRED: 409,
  VERSION_CONFLICT: 409,
  NOT_UNDER_REVIEW: 409,
  REVIEW_DECIDED: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  HEADERS_TOO_LARGE: 431,
  INVALID_UTF8: 400,
  YEAR_OUT_OF_RANGE: 422,
  EXPLANATION_NOT_APPLICABLE: 422,
  EXPLANATION_TOO_SHORT: 422,
  EXPLANATION_TOO_LONG: 422,
  EMPTY_BODY: 400,
  MALFORMED_JSON: 400,
  INVALID_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  AGENCY_ID_MISMATCH: 422,
  REGION_UNKNOWN: 422,
  OFFICE_EXISTS: 409,
  OFFICE_NOT_FOUND: 404,
  SIGN_IN_CODE_INVALID: 401,
  SIGN_IN_LOCKED: 429,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
};

/**
 * An unreadable file is the caller's problem (4xx): its size, before or after inflating, is 413; a file
 * that would cost more than any report to read (DOCUMENT_TOO_COMPLEX) is 422 like every other unreadable one.
 * Every code is listed, so a new one is mapped on purpose.
 */
const PARSE_STATUS: Readonly<Record<ParseErrorCode, number>> = {
  EMPTY_INPUT: 400,
  INPUT_TOO_LARGE: 413,
  BINARY_INPUT: 422,
  UNSUPPORTED_FORMAT: 422,
  UNDECODABLE_TEXT: 422,
  NOT_A_REPORT: 422,
  INVALID_JSON: 422,
  SCHEMA_MISMATCH: 422,
  MALFORMED_DOCUMENT: 422,
  NEEDS_OCR: 422,
  DOCUMENT_TOO_COMPLEX: 422,
};

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

export function errorResponse(
  statusCode: number,
  code: string,
  message: LocalizedMessage,
  details?: Readonly<Record<string, unknown>>,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: {
      ...JSON_HEADERS,
      // RFC 6750 §3: a 401 names the scheme it wants.
      ...(statusCode === 401 ? { 'www-authenticate': 'Bearer' } : {}),
    },
    body: JSON.stringify({ error: { code, message, ...(details ? { details } : {}) } }),
  };
}

/** The status a deliberate error maps to, or null for anything unexpected (a fault: 500). */
export function statusOf(error: unknown): number | null {
  if (error instanceof FilingError) return FILING_STATUS[error.code];
  if (error instanceof ReportParseError) return PARSE_STATUS[error.code];
  if (error instanceof DomainError) return 422;
  return null;
}

export function toErrorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  const status = statusOf(error);
  if (status !== null && error instanceof DomainError) {
    const details = error instanceof FilingError ? error.details : undefined;
    return errorResponse(status, error.code, error.messages, details);
  }
  return internalErrorResponse();
}

export function internalErrorResponse(): APIGatewayProxyStructuredResultV2 {
  return errorResponse(500, 'INTERNAL_ERROR', {
    zh: '服务器内部错误，请稍后重试',
    en: 'Internal error; please retry later',
  });
}

export function routeNotFoundResponse(): APIGatewayProxyStructuredResultV2 {
  return errorResponse(404, 'ROUTE_NOT_FOUND', {
    zh: '没有这个接口',
    en: 'No route matches this method and path',
  });
}

/** Lambda's synchronous payload limit; larger files go through a presigned upload. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export function payloadTooLargeResponse(): APIGatewayProxyStructuredResultV2 {
  return toErrorResponse(payloadTooLarge());
}

export function payloadTooLarge(): FilingError {
  return new FilingError(
    'PAYLOAD_TOO_LARGE',
    {
      zh: '文件超过 6 MB，请先调用 POST /v1/uploads 获取上传地址',
      en: 'The body exceeds 6 MB; upload large files through POST /v1/uploads',
    },
    { details: { maxBytes: MAX_BODY_BYTES, uploadRoute: 'POST /v1/uploads' } },
  );
}
