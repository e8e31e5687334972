/** `npm run schema`: writes the report's JSON Schema to the file the site build publishes. */
import { writeFile } from 'node:fs/promises';
import { REPORT_SCHEMA_SOURCE } from '#shared/site/datasets.ts';
import { renderReportJsonSchema } from './json-schema.ts';

await writeFile(REPORT_SCHEMA_SOURCE, renderReportJsonSchema());
console.log(`wrote ${REPORT_SCHEMA_SOURCE.pathname}`);
