/** Runs the CLI in-process with captured streams, a fixed environment and an optional stand-in fetch. */
import type { CliIo } from '#cli/io.ts';
import { main } from '#cli/main.ts';

export interface CapturedIoOptions {
  readonly stdin?: string | Uint8Array;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly fetch?: typeof fetch;
  readonly tty?: boolean;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sink(tty: boolean) {
  const chunks: string[] = [];
  return {
    chunks,
    output: {
      isTTY: tty,
      write(chunk: string | Uint8Array) {
        chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
        return true;
      },
    },
  };
}

function refusingFetch(): Promise<Response> {
  return Promise.reject(new Error('no network in this test'));
}

export function capturedIo(options: CapturedIoOptions = {}): CliIo & { read(): Omit<CliRun, 'code'> } {
  const stdout = sink(options.tty ?? false);
  const stderr = sink(options.tty ?? false);
  const input = options.stdin ?? '';
  return {
    stdin: (async function* () {
      if (input.length > 0) yield typeof input === 'string' ? new TextEncoder().encode(input) : input;
    })(),
    stdout: stdout.output,
    stderr: stderr.output,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    fetch: options.fetch ?? refusingFetch,
    read: () => ({ stdout: stdout.chunks.join(''), stderr: stderr.chunks.join('') }),
  };
}

export async function runCli(argv: readonly string[], options: CapturedIoOptions = {}): Promise<CliRun> {
  const io = capturedIo(options);
  const code = await main(argv, io);
  return { code, ...io.read() };
}
