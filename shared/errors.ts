/**
 * Errors that cross a boundary carry a stable machine code and a Chinese message for the person who
 * filed; the HTTP and CLI adapters map them once (4xx / exit 2), never as a stack trace.
 */

export interface LocalizedMessage {
  readonly zh: string;
  readonly en: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly messages: LocalizedMessage;
  constructor(messages: LocalizedMessage, options?: { cause?: unknown }) {
    super(messages.en, options);
    this.messages = messages;
    this.name = new.target.name;
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
  readonly code: ParseErrorCode;
  constructor(code: ParseErrorCode, messages: LocalizedMessage, options?: { cause?: unknown }) {
    super(messages, options);
    this.code = code;
  }
}

export function isReportParseError(e: unknown): e is ReportParseError {
  return e instanceof ReportParseError;
}
