/** Whatever the bytes, parseReport either reads a report or fails with a ReportParseError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '#shared/errors.ts';
import { parseReport } from '#shared/parse/parse-report.ts';
import { ReportSchema } from '#shared/report/model.ts';
import { SEED, textFixtureString } from './fixture-files.ts';

const seedLines = textFixtureString(SEED).split('\n');

/** 'report', or the code of the ReportParseError; anything else thrown fails the property. */
async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    const { report } = await parseReport({ bytes });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return 'report';
  } catch (e) {
    if (e instanceof ReportParseError) return e.code;
    throw e;
  }
}

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (lines: string[]) => lines.filter((_, j) => j !== i % lines.length)),
  fc.nat().map((i) => (lines: string[]) => lines.flatMap((l, j) => (j === i % lines.length ? [l, l] : [l]))),
  fc.tuple(fc.nat(), fc.nat()).map(([i, k]) => (lines: string[]) => {
    const out = [...lines];
    const a = i % out.length;
    const b = k % out.length;
    [out[a], out[b]] = [out[b] as string, out[a] as string];
    return out;
  }),
  fc.nat().map((i) => (lines: string[]) => lines.slice(0, i % (lines.length + 1))),
  fc.tuple(fc.nat(), fc.string()).map(
    ([i, s]) =>
      (lines: string[]) =>
        lines.map((l, j) => (j === i % lines.length ? s : l)),
  ),
);

describe('parseReport under random input', () => {
  it('never throws anything but ReportParseError on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        await outcome(bytes);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws anything but ReportParseError on random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 500 }), async (text) => {
        await outcome(new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws anything but ReportParseError on the seed with lines deleted, duplicated, swapped or cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 12 }), async (mutations) => {
        const lines = mutations.reduce((ls, m) => (ls.length === 0 ? ls : m(ls)), seedLines);
        // A text report is read by code of this module alone: an internal error would surface here.
        expect(await outcome(new TextEncoder().encode(lines.join('\n')))).not.toBe('MALFORMED_DOCUMENT');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
