/**
 * Files built to exhaust a reader end as a typed refusal, quickly: each budget (inflated DOCX parts,
 * decoded PDF streams, PDF text items, HTML nodes and depth) and the reader process's deadline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { readIsolated } from '#shared/parse/isolated-reader.ts';
import { parseReport } from '#shared/parse/parse-report.ts';
import {
  HOSTILE_DOCUMENTS,
  HOSTILE_OUTCOME,
  type HostileName,
  hostileBytes,
} from '../../fixtures/hostile/hostile-documents.ts';
import { rejectionOf } from '../../helpers/rejection.ts';

/** Generous for two loaded CI cores; on a quiet machine each takes well under a second. */
const BOUND_MS = 10_000;
const SAMPLE_PDF = new URL('../../fixtures/samples/2024-huaian-city-government.pdf', import.meta.url);

function refusalOf(read: Promise<unknown>): Promise<ReportParseError> {
  return rejectionOf(read, ReportParseError);
}

describe('hostile documents', () => {
  for (const name of Object.keys(HOSTILE_DOCUMENTS) as HostileName[]) {
    it(`refuses ${name} as ${HOSTILE_OUTCOME[name]} within the bound`, { timeout: 30_000 }, async () => {
      const bytes = hostileBytes(name);
      const started = performance.now();
      const error = await refusalOf(parseReport({ bytes }));
      expect(error.code).toBe(HOSTILE_OUTCOME[name]);
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    });
  }

  it('refuses a page of a million table lines by counting them', { timeout: 30_000 }, async () => {
    const bytes = hostileBytes('pdf-million-rules-page.pdf');
    // Past this deadline the reader would be killed and the refusal could not name the count.
    const error = await refusalOf(readIsolated('pdf', bytes, { deadlineMs: 2500 }));
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    expect(error.messages.zh).toContain('一页（或一个图形）的内容有 2000000 个画线、填充指令，超过每页 30000 个的上限');
    expect(error.messages.en).toContain('2000000 path drawing operators');
  });

  it('stops a read at its deadline, then reads the next file in a fresh reader', { timeout: 30_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_PDF));
    const error = await refusalOf(readIsolated('pdf', bytes, { deadlineMs: 1 }));
    expect(error.code).toBe('DOCUMENT_TOO_COMPLEX');
    const read = await readIsolated('pdf', bytes);
    expect(read.layout).toBe('pdf/text-positions');
  });

  it('reads concurrent files alike, a few readers at a time', { timeout: 30_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_PDF));
    const reads = await Promise.all([1, 2, 3].map(() => readIsolated('pdf', bytes)));
    expect(new Set(reads.map((r) => JSON.stringify(r.blocks))).size).toBe(1);
  });
});
