import type { ReportVersion, ReviewState, VersionReview } from '#shared/filing/records.ts';
import type { Page, PageRequest, ReportVersionStore } from '#shared/ports.ts';
import { isWithinDivision } from '#shared/registry/divisions/division-code.ts';
import { pageOf } from './page-cursor.ts';

export class MemoryVersionStore implements ReportVersionStore {
  readonly #versions = new Map<string, ReportVersion>();
  readonly #current = new Map<string, number>();

  async get(agencyId: string, year: number, version: number): Promise<ReportVersion | null> {
    const found = this.#versions.get(versionKey({ agencyId, year, version }));
    return found ? structuredClone(found) : null;
  }

  async latest(agencyId: string, year: number): Promise<ReportVersion | null> {
    const mine = this.#ofYear(agencyId, year);
    return mine.at(-1) ?? null;
  }

  async findBySubmission(agencyId: string, year: number, submissionId: string): Promise<ReportVersion | null> {
    return this.#ofYear(agencyId, year).find((v) => v.submissionId === submissionId) ?? null;
  }

  async putIfAbsent(version: ReportVersion): Promise<boolean> {
    const key = versionKey(version);
    if (this.#versions.has(key)) return false;
    this.#versions.set(key, structuredClone(version));
    return true;
  }

  async advanceCurrent(version: ReportVersion): Promise<void> {
    const key = `${version.agencyId}\n${version.year}`;
    if ((this.#current.get(key) ?? 0) < version.version) this.#current.set(key, version.version);
  }

  async listByAgency(agencyId: string, page: PageRequest): Promise<Page<ReportVersion>> {
    const mine = [...this.#versions.values()]
      .filter((v) => v.agencyId === agencyId)
      .map((v) => structuredClone(v))
      .sort((a, b) => versionKey(a).localeCompare(versionKey(b)));
    return pageOf(mine, versionKey, page);
  }

  async updateReview(version: ReportVersion, from: ReviewState, review: VersionReview): Promise<boolean> {
    const key = versionKey(version);
    const stored = this.#versions.get(key);
    if (stored?.review?.state !== from) return false;
    this.#versions.set(key, { ...stored, review: structuredClone(review) });
    return true;
  }

  async listAwaitingReview(regionCode: string, page: PageRequest): Promise<Page<ReportVersion>> {
    const awaiting = [...this.#versions.values()]
      .filter((v) => v.review?.state === 'awaitingReview' && isWithinDivision(v.review.regionCode, regionCode))
      .map((v) => structuredClone(v))
      .sort((a, b) => reviewKey(a).localeCompare(reviewKey(b)));
    return pageOf(awaiting, reviewKey, page);
  }

  /** The current version number of an agency-year (tests check the pointer). */
  current(agencyId: string, year: number): number | null {
    return this.#current.get(`${agencyId}\n${year}`) ?? null;
  }

  #ofYear(agencyId: string, year: number): ReportVersion[] {
    return [...this.#versions.values()]
      .filter((v) => v.agencyId === agencyId && v.year === year)
      .sort((a, b) => a.version - b.version)
      .map((v) => structuredClone(v));
  }
}

/** Zero-padded so that string order is version order, as in the DynamoDB sort key. */
function versionKey(v: Pick<ReportVersion, 'agencyId' | 'year' | 'version'>): string {
  return `${v.agencyId}\n${v.year}\n${String(v.version).padStart(6, '0')}`;
}

function reviewKey(v: ReportVersion): string {
  return `${v.review?.regionCode ?? ''}\n${versionKey(v)}`;
}
