import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '#shared/check-report.ts';
import { renderReportJson } from '#shared/render/json.ts';
import { ReportSchema } from '#shared/report/model.ts';
import { interleavedMedians } from '../../../bench/interleaved-timing.ts';

const SEED = new Uint8Array(
  readFileSync(new URL('../../fixtures/samples/2022-shaoguan-qujiang-trade-union.txt', import.meta.url)),
);

describe('the full check of the seed', () => {
  // The bench reports the figure (about 5–8× on a loaded 2-core machine); this bound is loose enough for CI and
  // still fails a check that is quadratic in the cells again (it was 31×).
  it('costs a small multiple of JSON.parse + schema parse of its canonical JSON, timed in the same run', async () => {
    const canonical = renderReportJson((await checkReport({ bytes: SEED })).report);
    const medians = await interleavedMedians(
      {
        check: async (n) => {
          for (let i = 0; i < n; i++) await checkReport({ bytes: SEED });
          return () => {};
        },
        json: (n) => {
          for (let i = 0; i < n; i++) ReportSchema.parse(JSON.parse(canonical));
          return () => {};
        },
      },
      1500,
    );
    expect(medians.ratios.check?.json).toBeLessThan(15);
  }, 30_000);
});
