import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_FILE } from '#infra/declaration.ts';
import { renderReportJsonSchema } from '#shared/report/json-schema.ts';
import { REPORT_SCHEMA_PATH, readReportJsonSchema } from '#shared/site/datasets.ts';

const LOADER = 'shared/site/datasets.ts';

describe("the report's published JSON Schema", () => {
  it("is the model's, as `npm run schema` writes it", async () => {
    expect(await readReportJsonSchema(), 'run `npm run schema` after changing the model').toBe(
      renderReportJsonSchema(),
    );
  });

  it('is read beside its loader at the path a bundled handler ships it to', () => {
    const loader = readFileSync(LOADER, 'utf8');
    expect(loader).toContain(`new URL('./${REPORT_SCHEMA_PATH}', import.meta.url)`);
    expect(join(dirname(LOADER), REPORT_SCHEMA_PATH)).toBe(REPORT_SCHEMA_FILE.from);
    expect(REPORT_SCHEMA_FILE.to).toBe(REPORT_SCHEMA_PATH);
  });
});
