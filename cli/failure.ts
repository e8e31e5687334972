/**
 * How the CLI fails: exactly one line on stderr (Chinese, then English) and an exit code a script can
 * branch on. Every error is mapped here once; no command prints a stack trace.
 */
import { DomainError } from '#shared/errors.ts';

export const EXIT = {
  ok: 0,
  /** The report has error findings, a submission was rejected, or some lines of an import failed. */
  failed: 1,
  /** The input cannot be used at all: unreadable file, not a report, bad flags, transport or auth error. */
  unusable: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliFailure extends Error {
  readonly zh: string;
  readonly en: string;
  readonly exitCode: ExitCode;
  constructor(zh: string, en: string, exitCode: ExitCode = EXIT.unusable) {
    super(en);
    this.zh = zh;
    this.en = en;
    this.exitCode = exitCode;
  }
}

/** A bad command line; the line carries the command's synopsis so no second line is needed. */
export class UsageError extends CliFailure {
  constructor(zh: string, en: string, synopsis: string) {
    super(`${zh}（用法：${synopsis}）`, `${en} (usage: ${synopsis})`);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function bilingual(zh: string, en: string, code?: string): string {
  const suffix = code ? ` [${code}]` : '';
  return `${oneLine(zh)} / ${oneLine(en)}${suffix}`;
}

/** The single stderr line for any thrown value. */
export function describeFailure(error: unknown): string {
  if (error instanceof CliFailure) return bilingual(error.zh, error.en);
  if (error instanceof DomainError) return bilingual(error.messages.zh, error.messages.en, error.code);
  const detail = error instanceof Error ? error.message : String(error);
  return bilingual('内部错误，请报告此问题', `internal error: ${detail}`);
}

export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof CliFailure ? error.exitCode : EXIT.unusable;
}
