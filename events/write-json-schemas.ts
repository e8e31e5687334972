/**
 * Writes events/schemas/<name>.v<N>.json from the registry: `node --import tsx events/write-json-schemas.ts`.
 * Run it after an additive change; test/contract fails when a committed schema lost a field or an enum value.
 */
import { writeFile } from 'node:fs/promises';
import { contractFileStem } from './define-event.ts';
import { EVENT_CONTRACTS } from './index.ts';
import { detailJsonSchema } from './json-schema.ts';

for (const contract of EVENT_CONTRACTS) {
  const file = new URL(`./schemas/${contractFileStem(contract)}.json`, import.meta.url);
  await writeFile(file, `${JSON.stringify(detailJsonSchema(contract), null, 2)}\n`);
}
