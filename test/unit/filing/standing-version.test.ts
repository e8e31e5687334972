import { describe, expect, it } from 'vitest';
import { MemoryVersionStore } from '#shared/adapters/memory/memory-version-store.ts';
import { standingVersion } from '#shared/filing/claim-version.ts';
import { canonicalKey, type ReportVersion, type ReviewState } from '#shared/filing/records.ts';

const AGENCY = 'standing-test-agency';

function version(n: number, state: ReviewState | null): ReportVersion {
  return {
    agencyId: AGENCY,
    year: 2022,
    version: n,
    submissionId: `submission-${n}`,
    sha256: String(n).repeat(64).slice(0, 64),
    original: { key: `originals/${n}`, contentType: 'application/json', fileName: null, sizeBytes: 1 },
    canonicalKey: canonicalKey(AGENCY, 2022, n),
    acceptedAt: '2023-01-10T00:00:00.000Z',
    publishedOn: null,
    amendmentReason: null,
    imported: false,
    hasErrors: false,
    warningCount: 0,
    ...(state === null
      ? {}
      : {
          review: { state, regionCode: '440205', officeId: null, decidedAt: null, reason: null, notifiedAt: null },
        }),
  };
}

async function store(...versions: ReportVersion[]): Promise<MemoryVersionStore> {
  const stored = new MemoryVersionStore();
  for (const v of versions) await stored.putIfAbsent(v);
  return stored;
}

describe('the version a new filing amends', () => {
  it('is the newest one its office did not return, past every returned one after it', async () => {
    const versions = await store(version(1, null), version(2, 'returned'), version(3, 'returned'));
    expect((await standingVersion(versions, AGENCY, 2022))?.version).toBe(1);
  });

  it('is the newest one when it was not returned, awaiting review or not', async () => {
    const versions = await store(version(1, 'returned'), version(2, 'awaitingReview'));
    expect((await standingVersion(versions, AGENCY, 2022))?.version).toBe(2);
  });

  it('is none when every version was returned, or there is none', async () => {
    expect(await standingVersion(await store(version(1, 'returned'), version(2, 'returned')), AGENCY, 2022)).toBe(null);
    expect(await standingVersion(await store(), AGENCY, 2022)).toBe(null);
  });

  it('does not reach into another year', async () => {
    const other = { ...version(1, null), year: 2021, canonicalKey: canonicalKey(AGENCY, 2021, 1) };
    const versions = await store(other, version(1, 'returned'));
    expect(await standingVersion(versions, AGENCY, 2022)).toBe(null);
  });
});
