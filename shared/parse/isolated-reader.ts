/**
 * DOCX and PDF files are read in a worker thread with a heap limit and a deadline, so a file built to
 * exhaust memory or time costs one terminated worker and a DOCUMENT_TOO_COMPLEX error, never the process
 * that serves other filings. The budgets inside the readers refuse the known shapes of hostile files
 * early; this is the bound for the shapes nobody has thought of yet.
 *
 * The worker re-enters this very module (the caller's bundle, once esbuild has made one file of it),
 * recognised by its workerData, so the Lambda bundle needs no second entry file. Run from the sources
 * (the CLI, the local runner, tests), the worker first registers tsx to load TypeScript.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isReportParseError, type LocalizedMessage, type ParseErrorCode, ReportParseError } from '../errors.ts';
import type { ReadDocument } from './grid.ts';
import { documentTooComplex } from './too-complex.ts';

export type IsolatedKind = 'docx' | 'pdf';

/**
 * Wall time for one read, once the worker is up. Real reports take 0.1–0.5 s (0.3–1.4 s in a fresh worker,
 * whose pdf.js is not compiled yet, on a loaded machine); the margin is for a Lambda's share of a CPU. The
 * readers' budgets refuse the known hostile shapes well within it.
 */
export const READ_DEADLINE_MS = 5000;
/** The worker's JavaScript heap; decoded buffers outside it are bounded by the readers' own budgets. */
export const READER_HEAP_MB = 256;
/** Workers at once in one process (the local runner serves many requests): a burst of hostile files waits. */
export const MAX_CONCURRENT_READS = 2;
/** Starting a worker loads pdf.js and mammoth; a worker that cannot start is a fault of ours, not the file's. */
const START_TIMEOUT_MS = 30_000;
/** The workerData that makes a module load become the reader's worker (exported for the bundle test). */
export const WORKER_MARK = 'gongkai-document-reader';

interface ReadRequest {
  readonly kind: IsolatedKind;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

type ReadReply =
  | { readonly read: ReadDocument }
  | { readonly refused: { readonly code: ParseErrorCode; readonly messages: LocalizedMessage } }
  | { readonly failed: string };

/** The reader could not be started at all: an internal fault, answered as such (never blamed on the file). */
export class ReaderUnavailableError extends Error {
  override readonly name = 'ReaderUnavailableError';
}

async function readHere({ kind, bytes }: ReadRequest): Promise<ReadDocument> {
  if (kind === 'docx') return (await import('./docx/read-docx.ts')).readDocx(bytes);
  return (await import('./pdf/read-pdf.ts')).readPdf(bytes);
}

async function replyTo(request: ReadRequest): Promise<ReadReply> {
  try {
    return { read: await readHere(request) };
  } catch (error) {
    if (isReportParseError(error)) return { refused: { code: error.code, messages: error.messages } };
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

/** The worker's side: load the readers, say so, then answer one request after another. */
function serveReads(port: NonNullable<typeof parentPort>): void {
  Promise.all([import('./docx/read-docx.ts'), import('./pdf/read-pdf.ts')]).then(
    () => port.postMessage({ ready: true }),
    (error: unknown) => port.postMessage({ ready: false, error: String(error) }),
  );
  port.on('message', (request: ReadRequest) => {
    void replyTo(request).then((reply) => port.postMessage(reply));
  });
}

if (!isMainThread && parentPort && (workerData as { mark?: unknown } | null)?.mark === WORKER_MARK) {
  serveReads(parentPort);
}

/** One worker kept warm between reads; a worker that hit a limit is never reused. */
let idle: Promise<Worker> | undefined;

function spawnWorker(): Promise<Worker> {
  const self = import.meta.url;
  const fromSources = self.endsWith('.ts');
  const worker = fromSources
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
          `.then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); })`,
        { eval: true, execArgv: [], workerData: { mark: WORKER_MARK }, resourceLimits: limits() },
      )
    : new Worker(new URL(self), { workerData: { mark: WORKER_MARK }, resourceLimits: limits() });
  // Only our own listeners are ever removed: the Worker's own ones keep its message port referenced.
  return new Promise<Worker>((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      worker.off('error', onError).off('exit', onExit).off('message', onMessage);
    };
    const fail = (why: string) => {
      settle();
      void worker.terminate();
      reject(new ReaderUnavailableError(`the document reader did not start: ${why}`));
    };
    const onError = (error: Error) => fail(error.message);
    const onExit = (code: number) => fail(`exited with ${code}`);
    const onMessage = (message: { ready: boolean; error?: string }) => {
      if (!message.ready) return fail(message.error ?? 'no readers');
      settle();
      resolve(worker);
    };
    const timer = setTimeout(() => fail('timed out'), START_TIMEOUT_MS);
    worker.on('error', onError).on('exit', onExit).on('message', onMessage);
  });
}

function limits() {
  return { maxOldGenerationSizeMb: READER_HEAP_MB, maxYoungGenerationSizeMb: 32 };
}

/** Sends one request and waits for its reply, the deadline, or the worker's death (its heap limit). */
function exchange(worker: Worker, request: ReadRequest, deadlineMs: number): Promise<ReadReply | 'terminated'> {
  return new Promise((resolve) => {
    const finish = (outcome: ReadReply | 'terminated') => {
      clearTimeout(timer);
      worker.off('message', finish).off('error', died).off('exit', died);
      resolve(outcome);
    };
    const died = () => finish('terminated');
    const timer = setTimeout(died, deadlineMs);
    worker.on('message', finish).on('error', died).on('exit', died);
    worker.postMessage(request, [request.bytes.buffer]);
  });
}

function forgetIdle(): void {
  idle = undefined;
}

/** Keeps `worker` warm for the next read, unless one is kept already; an idle worker never holds the process. */
async function release(worker: Worker): Promise<void> {
  if (idle !== undefined) {
    await worker.terminate();
    return;
  }
  const kept = Promise.resolve(worker);
  idle = kept;
  worker.unref();
  worker.once('exit', forgetIdle);
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

/** Reads a DOCX or PDF in a worker; throws ReportParseError like the readers themselves. */
export async function readIsolated(
  kind: IsolatedKind,
  bytes: Uint8Array,
  options: { deadlineMs?: number } = {},
): Promise<ReadDocument> {
  const done = await takeTurn();
  try {
    return await readInWorker(kind, bytes, options.deadlineMs ?? READ_DEADLINE_MS);
  } finally {
    done();
  }
}

async function readInWorker(kind: IsolatedKind, bytes: Uint8Array, deadlineMs: number): Promise<ReadDocument> {
  // Taken before awaiting, so two concurrent reads never share one worker.
  const taken = idle ?? spawnWorker();
  idle = undefined;
  const worker = await taken;
  worker.off('exit', forgetIdle);
  worker.ref();
  // A copy of its own, handed over to the worker rather than cloned.
  const reply = await exchange(worker, { kind, bytes: new Uint8Array(bytes) }, deadlineMs);
  if (reply === 'terminated') {
    await worker.terminate();
    throw documentTooComplex();
  }
  await release(worker);
  if ('read' in reply) return reply.read;
  if ('refused' in reply) throw new ReportParseError(reply.refused.code, reply.refused.messages);
  throw new Error(reply.failed);
}
