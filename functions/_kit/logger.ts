/**
 * Structured JSON logs: one line per entry, with Powertools' keys (level, message, timestamp, service,
 * xray_trace_id, then the entry's own fields; an error as name, location, message, stack and cause), so log
 * queries read them alike. Written here rather than loaded: the Powertools logger and its stores were a
 * tenth of a lean function's code, for the few lines a request logs. Silent under the test runner unless
 * POWERTOOLS_LOG_LEVEL asks otherwise.
 */

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
type Fields = Readonly<Record<string, unknown>>;
type Log = (message: string, fields?: Fields) => void;

const RANK: Readonly<Record<Level | 'SILENT' | 'CRITICAL' | 'TRACE', number>> = {
  TRACE: 6,
  DEBUG: 8,
  INFO: 12,
  WARN: 16,
  ERROR: 20,
  CRITICAL: 24,
  SILENT: 28,
};

/** As Powertools reads it: Lambda's own log level first, then ours (the stack sets `LOG_LEVEL`). */
function threshold(): number {
  const { AWS_LAMBDA_LOG_LEVEL, POWERTOOLS_LOG_LEVEL, LOG_LEVEL, VITEST } = process.env;
  if (VITEST && !POWERTOOLS_LOG_LEVEL) return RANK.SILENT;
  const asked = (AWS_LAMBDA_LOG_LEVEL || POWERTOOLS_LOG_LEVEL || LOG_LEVEL)?.toUpperCase();
  return asked !== undefined && Object.hasOwn(RANK, asked) ? RANK[asked as Level] : RANK.INFO;
}

/** As Powertools prints an error: where it was thrown from, its own fields, its cause. */
function errorFields(error: Error): Record<string, unknown> {
  const { name, message, stack, cause } = error;
  const at = /\(([^()\n]*?):(\d+?):(\d+?)\)\\?$/m.exec(stack ?? '');
  const own = Object.entries(error).filter(([key]) => !['name', 'message', 'stack', 'cause'].includes(key));
  return {
    name,
    location: at === null ? '' : `${at[1]}:${Number(at[2])}`,
    message,
    stack,
    cause: cause instanceof Error ? errorFields(cause) : cause,
    ...Object.fromEntries(own),
  };
}

/** One log line as written, or null below the level. */
export function logLine(level: Level, message: string, fields: Fields = {}): string | null {
  if (RANK[level] < threshold()) return null;
  const line: Record<string, unknown> = {
    level,
    message,
    timestamp: new Date().toISOString(),
    service: process.env.POWERTOOLS_SERVICE_NAME || 'gongkai',
    xray_trace_id: /Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1],
  };
  for (const [key, value] of Object.entries(fields)) line[key] = value instanceof Error ? errorFields(value) : value;
  return JSON.stringify(line, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

function write(level: Level, message: string, fields?: Fields): void {
  const line = logLine(level, message, fields);
  if (line === null) return;
  // Past Lambda's console, which would prefix each line with its own fields and break the JSON.
  (level === 'ERROR' || level === 'WARN' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger: { readonly info: Log; readonly warn: Log; readonly error: Log } = {
  info: (message, fields) => write('INFO', message, fields),
  warn: (message, fields) => write('WARN', message, fields),
  error: (message, fields) => write('ERROR', message, fields),
};
