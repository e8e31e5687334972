/**
 * Structured JSON logs (Powertools); silent under the test runner unless POWERTOOLS_LOG_LEVEL asks otherwise.
 * The Powertools logger is built at the first line logged, not at start: an HTTP route logs only when a
 * request fails, so most containers never pay for it.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';

let powertools: Logger | undefined;

function built(): Logger {
  powertools ??= new Logger({
    serviceName: 'gongkai',
    ...(process.env.VITEST && !process.env.POWERTOOLS_LOG_LEVEL ? { logLevel: 'SILENT' as const } : {}),
  });
  return powertools;
}

type Log = (input: LogItemMessage, ...extra: LogItemExtraInput) => void;

export const logger: { readonly info: Log; readonly warn: Log; readonly error: Log } = {
  info: (input, ...extra) => built().info(input, ...extra),
  warn: (input, ...extra) => built().warn(input, ...extra),
  error: (input, ...extra) => built().error(input, ...extra),
};
