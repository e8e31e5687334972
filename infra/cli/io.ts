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

export function processIo(): CliIo {
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
