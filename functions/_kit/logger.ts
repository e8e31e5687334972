/**
 * Structured JSON logs (Powertools); silent under the test runner unless POWERTOOLS_LOG_LEVEL asks otherwise.
 * Powertools is loaded and its logger built at the first line logged, not at start: an HTTP route logs only
 * when a request fails, so most containers never pay for it. A line is written a microtask later, in the
 * order lines were logged (one promise, settled once, carries them all).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';

let powertools: Promise<Logger> | undefined;

function built(): Promise<Logger> {
  powertools ??= import('@aws-lambda-powertools/logger').then(
    ({ Logger }) =>
      new Logger({
        serviceName: 'gongkai',
        ...(process.env.VITEST && !process.env.POWERTOOLS_LOG_LEVEL ? { logLevel: 'SILENT' as const } : {}),
      }),
  );
  return powertools;
}

type Log = (input: LogItemMessage, ...extra: LogItemExtraInput) => void;

export const logger: { readonly info: Log; readonly warn: Log; readonly error: Log } = {
  info: (input, ...extra) => void built().then((log) => log.info(input, ...extra)),
  warn: (input, ...extra) => void built().then((log) => log.warn(input, ...extra)),
  error: (input, ...extra) => void built().then((log) => log.error(input, ...extra)),
};
