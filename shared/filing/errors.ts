/** The filing service's refusals, each with a stable code; `functions/_kit/errors-to-http.ts` maps them to statuses. */
import { DomainError, type LocalizedMessage } from '#shared/errors.ts';

export const FILING_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'AGENCY_MISMATCH',
  'AGENCY_NOT_FOUND',
  'AGENCY_EXISTS',
  'AGENCY_ID_MISMATCH',
  'REGION_UNKNOWN',
  'OFFICE_EXISTS',
  'OFFICE_NOT_FOUND',
  'SUBMISSION_NOT_FOUND',
  'TOKEN_NOT_FOUND',
  'JOB_NOT_FOUND',
  'AMENDMENT_REASON_REQUIRED',
  'VERSION_CONFLICT',
  'NOT_UNDER_REVIEW',
  'REVIEW_DECIDED',
  'IDEMPOTENCY_KEY_IN_USE',
  'IDEMPOTENCY_KEY_REUSED',
  'HEADERS_TOO_LARGE',
  'INVALID_UTF8',
  'YEAR_OUT_OF_RANGE',
  'EXPLANATION_NOT_APPLICABLE',
  'EXPLANATION_TOO_SHORT',
  'EXPLANATION_TOO_LONG',
  'EMPTY_BODY',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_JSON',
  'INVALID_REQUEST',
  'ROUTE_NOT_FOUND',
  'SIGN_IN_CODE_INVALID',
  'SIGN_IN_LOCKED',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
] as const;
export type FilingErrorCode = (typeof FILING_ERROR_CODES)[number];

export class FilingError extends DomainError {
  override readonly name = 'FilingError';
  readonly code: FilingErrorCode;
  /** Machine-readable particulars (e.g. zod issues, the upload route), shown beside the message. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  constructor(
    code: FilingErrorCode,
    messages: LocalizedMessage,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(messages, options);
    this.code = code;
    this.details = options?.details;
  }
}

/** Says which names were compared, and how an admin makes the signed name one of the agency's. */
export function agencyMismatch(
  agency: { id: string; name: string },
  named: string,
  tried: readonly string[],
): FilingError {
  const list = tried.map((n) => `“${n}”`).join('、');
  return new FilingError(
    'AGENCY_MISMATCH',
    {
      zh:
        `报告所署机关“${named}”与令牌所属机关“${agency.name}”不一致（已比对：${list}，含去掉上级区划名称的写法）。` +
        `如该报告确为本机关所发，请管理员把“${named}”登记为别名：gongkai agencies alias ${agency.id} ${named}` +
        `（或在 PUT /v1/admin/agencies/${agency.id} 的 aliases 中加入）。`,
      en:
        `The report is signed "${named}", but the token belongs to "${agency.name}" (compared with ${tried.join(', ')}, ` +
        `also without leading region names). If the report is this agency's, an admin can add the name as an alias: ` +
        `gongkai agencies alias ${agency.id} ${named} (or add it to aliases with PUT /v1/admin/agencies/${agency.id}).`,
    },
    { details: { signedName: named, tried: [...tried] } },
  );
}

export function amendmentReasonRequired(agencyId: string, year: number, latest: number): FilingError {
  return new FilingError('AMENDMENT_REASON_REQUIRED', {
    zh: `${year}年度报告已有第${latest}版，更正须说明理由（amendmentReason）`,
    en: `Agency ${agencyId} already has version ${latest} for ${year}; an amendment needs amendmentReason`,
  });
}

export function versionConflict(agencyId: string, year: number): FilingError {
  return new FilingError('VERSION_CONFLICT', {
    zh: `${year}年度报告同时有多份提交，请稍后重试`,
    en: `Too many concurrent filings for ${agencyId} ${year}; retry later`,
  });
}

export function agencyNotFound(agencyId: string): FilingError {
  return new FilingError('AGENCY_NOT_FOUND', {
    zh: `未登记的机关：${agencyId}`,
    en: `No registered agency ${agencyId}`,
  });
}

export function submissionNotFound(submissionId: string): FilingError {
  return new FilingError('SUBMISSION_NOT_FOUND', {
    zh: `未找到提交记录：${submissionId}`,
    en: `No submission ${submissionId}`,
  });
}

export function forbidden(): FilingError {
  return new FilingError('FORBIDDEN', {
    zh: '无权访问该资源',
    en: 'This token may not use this resource',
  });
}

export function unauthenticated(): FilingError {
  return new FilingError('UNAUTHENTICATED', {
    zh: '缺少有效的访问令牌（Authorization: Bearer …）',
    en: 'A valid bearer token is required (Authorization: Bearer …)',
  });
}

export function emptyBody(): FilingError {
  return new FilingError('EMPTY_BODY', { zh: '请求内容为空，请上传报告文件', en: 'The request body is empty' });
}

export function idempotencyKeyReused(): FilingError {
  return new FilingError('IDEMPOTENCY_KEY_REUSED', {
    zh: '该幂等键（Idempotency-Key）已用于另一份文件；更正后的报告请使用新的幂等键',
    en: 'This Idempotency-Key was used for a different file; send a changed report with a new key',
  });
}

/** A twin request (same bytes or Idempotency-Key) is still being filed; retrying soon answers with its receipt. */
export function requestInProgress(): FilingError {
  return new FilingError('IDEMPOTENCY_KEY_IN_USE', {
    zh: '相同的幂等键或文件正被另一请求处理，请稍后重试',
    en: 'Another request with this Idempotency-Key or file is in progress; retry later',
  });
}
