/**
 * Loads each declared function's `entry` module and invokes its `handler` the way Lambda does:
 * one event, a context with a request id and a deadline, and the declared timeout enforced.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { withFunctionEnvironment } from '../../functions/_kit/function-environment.ts';
import { FUNCTION_DEFAULTS, type FunctionDecl } from '../declaration.ts';
import { type AnyAppDeclaration, localFunctionArn } from './local-aws.ts';

export type LambdaHandler = (event: unknown, context: Context) => unknown;

export interface LoadedFunction {
  readonly name: string;
  readonly decl: FunctionDecl<string, string>;
  readonly handler: LambdaHandler;
  /** The function's own environment (see `function-environment.ts`); absent, it reads `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

export const DEFAULT_TIMEOUT_SECONDS = FUNCTION_DEFAULTS.timeoutSeconds;
const DEFAULT_MEMORY_MB = FUNCTION_DEFAULTS.memoryMb;

export class LambdaTimeoutError extends Error {
  constructor(functionName: string, seconds: number) {
    super(`${functionName} timed out after ${seconds} seconds`);
    this.name = 'LambdaTimeoutError';
  }
}

/** Imports every declared function; an entry without a `handler` export fails at start, not on first call. */
export async function loadFunctions(
  app: AnyAppDeclaration,
  root: string,
  environmentOf?: (name: string, decl: FunctionDecl<string, string>) => NodeJS.ProcessEnv,
): Promise<Map<string, LoadedFunction>> {
  const loaded = await Promise.all(
    Object.entries(app.functions).map(async ([name, decl]) => {
      const module: unknown = await import(pathToFileURL(resolve(root, decl.entry)).href);
      const handler = isRecord(module) ? module.handler : undefined;
      if (typeof handler !== 'function') throw new Error(`${decl.entry} does not export a handler function`);
      const env = environmentOf?.(name, decl);
      return [name, { name, decl, handler: handler as LambdaHandler, ...(env === undefined ? {} : { env }) }] as const;
    }),
  );
  return new Map(loaded);
}

/** A context shaped like the Node.js runtime's, with a real deadline behind getRemainingTimeInMillis. */
export function buildLambdaContext(name: string, decl: FunctionDecl<string, string>, requestId: string): Context {
  const deadline = Date.now() + timeoutSeconds(decl) * 1000;
  const unsupported = (): never => {
    throw new Error('callback-style context methods are not supported; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: localFunctionArn(name),
    memoryLimitInMB: String(decl.memoryMb ?? DEFAULT_MEMORY_MB),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** Invokes once; rejects with the handler's error, or with LambdaTimeoutError past the declared timeout. */
export async function invokeFunction(fn: LoadedFunction, event: unknown, requestId = randomUUID()): Promise<unknown> {
  const context = buildLambdaContext(fn.name, fn.decl, requestId);
  const seconds = timeoutSeconds(fn.decl);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LambdaTimeoutError(fn.name, seconds)), seconds * 1000);
  });
  try {
    const run = () => fn.handler(event, context);
    const started = Promise.resolve().then(() => (fn.env === undefined ? run() : withFunctionEnvironment(fn.env, run)));
    return await Promise.race([started, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function timeoutSeconds(decl: FunctionDecl<string, string>): number {
  return decl.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
