/**
 * Reads the FILE argument (or standard input for `-`) into bytes. Failures to read are the CLI's
 * own one-line errors; whether the bytes are a report is the parser's question.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '#shared/media-types.ts';
import { CliFailure } from './failure.ts';
import type { CliIo } from './io.ts';

/**
 * Reading stops one byte past the parser's own limit: the parser then refuses the input in its words
 * (INPUT_TOO_LARGE), and a wrong path to a huge file never fills memory.
 */
const READ_LIMIT = MAX_DOCUMENT_BYTES + 1;

export interface InputFile {
  readonly bytes: Uint8Array;
  /** The file's base name (filings keep it with the original); absent for standard input. */
  readonly fileName?: string;
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
    chunks.push(bytes);
    size += bytes.byteLength;
    if (size >= READ_LIMIT) break;
  }
  return Buffer.concat(chunks).subarray(0, READ_LIMIT);
}

/** Reads up to READ_LIMIT bytes (large files, devices and pipes given as paths). */
async function readPrefix(handle: FileHandle): Promise<Uint8Array> {
  const buffer = Buffer.alloc(READ_LIMIT);
  let filled = 0;
  while (filled < READ_LIMIT) {
    const { bytesRead } = await handle.read(buffer, filled, READ_LIMIT - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

async function readFile(path: string, file: string): Promise<Uint8Array> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stat.isFile() && stat.size < READ_LIMIT) return await handle.readFile();
    return await readPrefix(handle);
  } catch (error) {
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
