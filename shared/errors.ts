/**
 * Errors that cross a boundary carry a stable machine code and a Chinese message for the person who
 * filed; the HTTP and CLI adapters map them once (4xx / exit 2), never as a stack trace.
 */

export interface LocalizedMessage {
  readonly zh: string;
  readonly en: string;
}

/**
 * Each subclass names itself in a literal (`name`), as every error class here does: bundles are minified
 * without keeping class names, so `new.target.name` would read `e` in Lambda.
 */
export abstract class DomainError extends Error {
  abstract override readonly name: string;
  abstract readonly code: string;
  readonly messages: LocalizedMessage;
  constructor(messages: LocalizedMessage, options?: { cause?: unknown }) {
    super(messages.en, options);
    this.messages = messages;
  }
}

export const PARSE_ERROR_CODES = [
  'EMPTY_INPUT',
  'INPUT_TOO_LARGE',
  'BINARY_INPUT',
  'UNSUPPORTED_FORMAT',
  'UNDECODABLE_TEXT',
  'NOT_A_REPORT',
  'INVALID_JSON',
  'SCHEMA_MISMATCH',
  'MALFORMED_DOCUMENT',
  'NEEDS_OCR',
  'DOCUMENT_TOO_COMPLEX',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** The input cannot be read as a report at all (as opposed to a report that breaks rules). */
export class ReportParseError extends DomainError {
  override readonly name = 'ReportParseError';
  readonly code: ParseErrorCode;
  constructor(code: ParseErrorCode, messages: LocalizedMessage, options?: { cause?: unknown }) {
    super(messages, options);
    this.code = code;
  }
}

export function isReportParseError(e: unknown): e is ReportParseError {
  return e instanceof ReportParseError;
}
