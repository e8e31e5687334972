/**
 * DOCX and PDF files are read in a child process with a heap limit and a deadline, so a file built to
 * exhaust memory or time costs one killed reader and a DOCUMENT_TOO_COMPLEX error, never the process that
 * serves other filings. A process, not a worker thread: a worker that reaches its heap limit while V8
 * collects garbage between tasks aborts the whole process (seen with Node 20), a child only itself. The
 * budgets inside the readers refuse the known shapes of hostile files early; this bounds the rest.
 *
 * The reader re-enters this very module (the caller's bundle, once esbuild has made one file of it),
 * recognised by an environment variable, so the Lambda bundle needs no second entry file. Run from the
 * sources (the CLI, the local runner, tests), the reader loads tsx first to read TypeScript.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isReportParseError, type LocalizedMessage, type ParseErrorCode, ReportParseError } from '../errors.ts';
import type { ReadDocument } from './grid.ts';
import { documentTooComplex } from './too-complex.ts';

export type IsolatedKind = 'docx' | 'pdf';

/**
 * Wall time for one read, once the reader is up. Real reports take 0.1–0.5 s (up to 2 s in a fresh reader,
 * whose pdf.js is not compiled yet, on a loaded machine); the margin is for a Lambda's share of a CPU. The
 * readers' budgets refuse the known hostile shapes well within it.
 */
export const READ_DEADLINE_MS = 5000;
/** The reader's JavaScript heap; decoded buffers outside it are bounded by the readers' own budgets. */
export const READER_HEAP_MB = 192;
/** Readers at once in one process (the local runner serves many requests): a burst of hostile files waits. */
export const MAX_CONCURRENT_READS = 2;
/** Starting a reader loads pdf.js and mammoth; one that cannot start is a fault of ours, not the file's. */
const START_TIMEOUT_MS = 30_000;
/** Set in a reader's environment: this module, loaded there, serves reads (exported for the bundle test). */
export const READER_ENV = 'GONGKAI_DOCUMENT_READER';

export interface ReadRequest {
  readonly kind: IsolatedKind;
  readonly bytes: Uint8Array;
}

export type ReadReply = (
  | { readonly read: ReadDocument }
  | { readonly refused: { readonly code: ParseErrorCode; readonly messages: LocalizedMessage } }
  | { readonly failed: string }
) & {
  /** The reader's heap after the read: one left heavy is retired rather than kept for the next file. */
  readonly heapMb?: number;
};

/** The reader could not be started at all: an internal fault, answered as such (never blamed on the file). */
export class ReaderUnavailableError extends Error {
  override readonly name = 'ReaderUnavailableError';
}

async function readHere({ kind, bytes }: ReadRequest): Promise<ReadDocument> {
  if (kind === 'docx') return (await import('./docx/read-docx.ts')).readDocx(bytes);
  return (await import('./pdf/read-pdf.ts')).readPdf(bytes);
}

async function outcomeOf(request: ReadRequest): Promise<ReadReply> {
  try {
    return { read: await readHere(request) };
  } catch (error) {
    if (isReportParseError(error)) return { refused: { code: error.code, messages: error.messages } };
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

async function replyTo(request: ReadRequest): Promise<ReadReply> {
  const outcome = await outcomeOf(request);
  // What the read left behind, not the garbage it made: a PDF's drawing alone leaves tens of MB to collect.
  (globalThis as { gc?: () => void }).gc?.();
  return { ...outcome, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 };
}

/** The reader's side: load the readers (pdf.js too), say so, answer one request after another, end with its parent. */
function serveReads(send: NonNullable<typeof process.send>): void {
  const pdf = import('./pdf/read-pdf.ts').then((m) => m.preparePdfReading());
  Promise.all([import('./docx/read-docx.ts'), pdf]).then(
    () => send({ ready: true }),
    (error: unknown) => send({ ready: false, error: String(error) }),
  );
  process.on('message', (request: ReadRequest) => {
    void replyTo(request).then((reply) => send(reply));
  });
  process.on('disconnect', () => process.exit(0));
}

if (process.env[READER_ENV] === '1' && process.send) serveReads(process.send.bind(process));

/** One reader kept warm between reads; a reader that hit a limit is never reused. */
let idle: Promise<ChildProcess> | undefined;

function startReader(): Promise<ChildProcess> {
  const self = import.meta.url;
  const loader = self.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${READER_HEAP_MB}`, '--expose-gc', ...loader, fileURLToPath(self)],
    {
      env: { ...process.env, [READER_ENV]: '1' },
      // The reader's own output (V8's report when it runs out of heap) must never reach the CLI's stderr.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
    },
  );
  return new Promise<ChildProcess>((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      child.off('error', onError).off('exit', onExit).off('message', onMessage);
    };
    const fail = (why: string) => {
      settle();
      child.kill('SIGKILL');
      reject(new ReaderUnavailableError(`the document reader did not start: ${why}`));
    };
    const onError = (error: Error) => fail(error.message);
    const onExit = (code: number | null) => fail(`exited with ${code}`);
    const onMessage = (message: { ready: boolean; error?: string }) => {
      if (!message.ready) return fail(message.error ?? 'no readers');
      settle();
      resolve(child);
    };
    const timer = setTimeout(() => fail('timed out'), START_TIMEOUT_MS);
    child.on('error', onError).on('exit', onExit).on('message', onMessage);
  });
}

type Killed = 'deadline' | 'died';

/** Sends one request and waits for its reply, the deadline, or the reader's death (its heap limit). */
function exchange(child: ChildProcess, request: ReadRequest, deadlineMs: number): Promise<ReadReply | Killed> {
  return new Promise((resolve) => {
    const finish = (outcome: ReadReply | Killed) => {
      clearTimeout(timer);
      child.off('message', finish).off('error', died).off('exit', died);
      resolve(outcome);
    };
    const died = () => finish('died');
    const timer = setTimeout(() => finish('deadline'), deadlineMs);
    child.on('message', finish).on('error', died).on('exit', died);
    child.send(request, (error) => {
      if (error) died();
    });
  });
}

/** What stopped the reader, told as what the file cost: its time or its memory. */
function killedRefusal(kind: IsolatedKind, why: Killed, deadlineMs: number): ReportParseError {
  const file = kind === 'pdf' ? 'PDF' : 'DOCX';
  const seconds = deadlineMs / 1000;
  return documentTooComplex(
    why === 'deadline'
      ? {
          zh: `读取这份 ${file} 文件用时超过 ${seconds} 秒的上限，而一份年度报告不到 1 秒即可读完。`,
          en: `Reading this ${file} took longer than the limit of ${seconds} s; a report reads in under a second.`,
        }
      : {
          zh: `读取这份 ${file} 文件所需的内存超过 ${READER_HEAP_MB} MB 的上限。`,
          en: `Reading this ${file} needed more memory than the limit of ${READER_HEAP_MB} MB.`,
        },
  );
}

/** Lets an idle reader neither keep its parent alive nor outlive it. */
function hold(child: ChildProcess, held: boolean): void {
  const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
  if (held) {
    child.ref();
    channel?.ref();
  } else {
    child.unref();
    channel?.unref();
  }
}

function forgetIdle(): void {
  idle = undefined;
}

/** Keeps `child` warm for the next read, unless one is kept already or the last read left it heavy. */
function release(child: ChildProcess, heapMb: number): void {
  if (idle !== undefined || heapMb > READER_HEAP_MB / 2) {
    child.kill('SIGKILL');
    return;
  }
  idle = Promise.resolve(child);
  hold(child, false);
  child.once('exit', forgetIdle);
}

let running = 0;
const waiting: (() => void)[] = [];

/** Waits for a free slot; the returned function frees it, handing it straight to the next in line. */
async function takeTurn(): Promise<() => void> {
  if (running < MAX_CONCURRENT_READS) running++;
  else await new Promise<void>((go) => waiting.push(go));
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

/** Reads a DOCX or PDF in a reader process; throws ReportParseError like the readers themselves. */
export async function readIsolated(
  kind: IsolatedKind,
  bytes: Uint8Array,
  options: { deadlineMs?: number } = {},
): Promise<ReadDocument> {
  const done = await takeTurn();
  try {
    return await readInReader(kind, bytes, options.deadlineMs ?? READ_DEADLINE_MS);
  } finally {
    done();
  }
}

async function readInReader(
  kind: IsolatedKind,
  bytes: Uint8Array,
  deadlineMs: number,
  mayReuse = true,
): Promise<ReadDocument> {
  // Taken before awaiting, so two concurrent reads never share one reader.
  const reused = mayReuse ? idle : undefined;
  const taken = reused ?? startReader();
  if (reused) idle = undefined;
  const child = await taken;
  child.off('exit', forgetIdle);
  hold(child, true);
  const started = Date.now();
  const reply = await exchange(child, { kind, bytes }, deadlineMs);
  if (reply === 'deadline' || reply === 'died') {
    child.kill('SIGKILL');
    // A kept reader that dies at once was dying already; the file gets a fresh one.
    if (reused && Date.now() - started < deadlineMs / 2) return readInReader(kind, bytes, deadlineMs, false);
    throw killedRefusal(kind, reply, deadlineMs);
  }
  release(child, reply.heapMb ?? 0);
  if ('read' in reply) return reply.read;
  if ('refused' in reply) throw new ReportParseError(reply.refused.code, reply.refused.messages);
  throw new Error(reply.failed);
}
