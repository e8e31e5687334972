import type { DedupeKey, Submission } from '#shared/filing/records.ts';
import type { Page, PageRequest, SubmissionStore } from '#shared/ports.ts';
import { pageOf } from './page-cursor.ts';

interface Entry {
  submission: Submission;
  /** Present while the submission is pending (the sparse index of the DynamoDB table). */
  leaseUntil: string | null;
}

export class MemorySubmissionStore implements SubmissionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #dedupe = new Map<string, string>();

  async create(submission: Submission, leaseUntil: string | null): Promise<boolean> {
    if (this.#entries.has(submission.submissionId)) return false;
    this.#entries.set(submission.submissionId, { submission: structuredClone(submission), leaseUntil });
    return true;
  }

  async get(submissionId: string): Promise<Submission | null> {
    const entry = this.#entries.get(submissionId);
    return entry ? structuredClone(entry.submission) : null;
  }

  async save(submission: Submission): Promise<void> {
    const entry = this.#entries.get(submission.submissionId);
    if (!entry) throw new Error(`no submission ${submission.submissionId}`);
    entry.submission = structuredClone(submission);
  }

  async acquireLease(submissionId: string, now: string, leaseUntil: string): Promise<boolean> {
    const entry = this.#entries.get(submissionId);
    if (!entry || (entry.leaseUntil !== null && entry.leaseUntil > now)) return false;
    entry.leaseUntil = leaseUntil;
    return true;
  }

  async releaseLease(submissionId: string, now: string): Promise<void> {
    const entry = this.#entries.get(submissionId);
    if (entry) entry.leaseUntil = now;
  }

  async finish(submissionId: string): Promise<void> {
    const entry = this.#entries.get(submissionId);
    if (entry) entry.leaseUntil = null;
  }

  async discard(submissionId: string): Promise<void> {
    this.#entries.delete(submissionId);
  }

  async listPending(now: string, limit: number): Promise<string[]> {
    return [...this.#entries.entries()]
      .filter(([, e]) => e.leaseUntil !== null && e.leaseUntil <= now)
      .sort(([, a], [, b]) => (a.leaseUntil ?? '').localeCompare(b.leaseUntil ?? ''))
      .slice(0, limit)
      .map(([id]) => id);
  }

  async claimDedupeKey(key: DedupeKey, submissionId: string): Promise<string | null> {
    const k = dedupeId(key);
    const owner = this.#dedupe.get(k);
    if (owner !== undefined) return owner;
    this.#dedupe.set(k, submissionId);
    return null;
  }

  async releaseDedupeKey(key: DedupeKey, submissionId: string): Promise<void> {
    const k = dedupeId(key);
    if (this.#dedupe.get(k) === submissionId) this.#dedupe.delete(k);
  }

  async findDedupeKey(key: DedupeKey): Promise<string | null> {
    return this.#dedupe.get(dedupeId(key)) ?? null;
  }

  /** The submission each de-duplication key names (tests check none names nothing). */
  dedupeOwners(): string[] {
    return [...this.#dedupe.values()];
  }

  async listByAgency(agencyId: string, year: number, page: PageRequest): Promise<Page<Submission>> {
    const key = (s: Submission) => `${s.receivedAt}#${s.submissionId}`;
    const mine = [...this.#entries.values()]
      .map((e) => e.submission)
      .filter((s) => s.agencyId === agencyId && s.year === year)
      .sort((a, b) => (key(a) < key(b) ? 1 : -1));
    // Newest first: the cursor compares downwards, so page over the reversed keys.
    const flip = (s: Submission) => [...key(s)].map((c) => String.fromCharCode(0xffff - c.charCodeAt(0))).join('');
    return pageOf(
      mine.map((s) => structuredClone(s)),
      flip,
      page,
    );
  }

  /** Every stored submission (tests look at what was kept). */
  all(): Submission[] {
    return [...this.#entries.values()].map((e) => structuredClone(e.submission));
  }
}

function dedupeId(key: DedupeKey): string {
  return `${key.agencyId}\n${key.kind}\n${key.value}`;
}
