/**
 * The JSON Schema of a report, published beside the datasets (`/data/schema.json`). It is made from the model
 * ahead of time (`npm run schema`, `shared/report/json-schema.ts`) and read here as a file, at the one build
 * that publishes it: the path is the same relative to this module in the sources and relative to a bundled
 * handler, which ships the file at `data/` beside itself (the function declares it in `files`).
 */
import { readFile } from 'node:fs/promises';

/** Where the schema lives, relative to this module and to a bundled handler alike. */
export const REPORT_SCHEMA_PATH = 'data/report-schema.json';

// Spelled out (not built from the constant) so bundlers and readers see the file beside the module.
export const REPORT_SCHEMA_SOURCE = new URL('./data/report-schema.json', import.meta.url);

export function readReportJsonSchema(): Promise<string> {
  return readFile(REPORT_SCHEMA_SOURCE, 'utf8');
}
