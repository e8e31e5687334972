/**
 * Reads the FILE argument (or standard input for `-`) into bytes. Failures to read are the CLI's
 * own one-line errors; whether the bytes are a report is the parser's question.
 */
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ReportParseError } from '#shared/errors.ts';
import { CliFailure } from './failure.ts';
import type { CliIo } from './io.ts';

/** Far above any real report (a scanned PDF runs to a few MB); stops a wrong path from filling memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface InputFile {
  readonly bytes: Uint8Array;
  /** The file's base name, which tells the parser the layout; absent for standard input. */
  readonly fileName?: string;
}

function tooLarge(): ReportParseError {
  const mb = MAX_INPUT_BYTES / 1024 / 1024;
  return new ReportParseError('INPUT_TOO_LARGE', {
    zh: `输入超过 ${mb} MB，不像是一份年度报告`,
    en: `the input is larger than ${mb} MB, which no annual report is`,
  });
}

function readFailure(file: string, error: unknown): CliFailure {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return new CliFailure(`找不到文件 ${file}`, `no such file: ${file}`);
  if (code === 'EISDIR') return new CliFailure(`${file} 是目录，不是文件`, `${file} is a directory`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new CliFailure(`无权读取 ${file}`, `permission denied: ${file}`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CliFailure(`无法读取 ${file}`, `cannot read ${file}: ${detail}`);
}

async function readStdin(io: CliIo): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > MAX_INPUT_BYTES) throw tooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

async function readFile(path: string, file: string): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stat.size > MAX_INPUT_BYTES) throw tooLarge();
    return await handle.readFile();
  } catch (error) {
    if (error instanceof ReportParseError) throw error;
    throw readFailure(file, error);
  } finally {
    await handle?.close();
  }
}

export async function readInput(file: string, io: CliIo): Promise<InputFile> {
  if (file === '-') return { bytes: await readStdin(io) };
  const bytes = await readFile(resolve(io.cwd, file), file);
  return { bytes, fileName: basename(file) };
}
