/** Structured JSON logs (Powertools); silent under the test runner unless POWERTOOLS_LOG_LEVEL asks otherwise. */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({
  serviceName: 'gongkai',
  ...(process.env.VITEST && !process.env.POWERTOOLS_LOG_LEVEL ? { logLevel: 'SILENT' as const } : {}),
});
