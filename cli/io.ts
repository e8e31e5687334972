/**
 * Everything a command touches outside itself, injected so tests run the CLI in-process with
 * captured streams, a fixed environment and a stand-in `fetch`.
 */

export interface CliOutput {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdin: AsyncIterable<Uint8Array | string>;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly fetch: typeof fetch;
}

/** `gongkai normalize big.pdf | head` closes the pipe early; that ends the output, not in a stack trace. */
function quitWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

export function processIo(): CliIo {
  quitWhenReaderLeaves(process.stdout);
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    fetch: globalThis.fetch,
  };
}

/** Colour follows the no-color.org convention: only on a terminal, and never when NO_COLOR is set. */
export function wantsColour(out: CliOutput, env: CliIo['env']): boolean {
  return out.isTTY === true && !env.NO_COLOR;
}
