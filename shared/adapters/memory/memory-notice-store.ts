import type { NoticeKey, NoticeRecord } from '#shared/deadlines/notice-record.ts';
import type { NoticeStore, Page, PageRequest } from '#shared/ports.ts';
import { pageOf } from './page-cursor.ts';

/** Same claim rule as the DynamoDB store's condition, so the memory tests exercise the real semantics. */
export class MemoryNoticeStore implements NoticeStore {
  readonly #records = new Map<string, NoticeRecord>();

  async claim(record: NoticeRecord, now: string): Promise<boolean> {
    const held = this.#records.get(keyOf(record));
    const free =
      held === undefined ||
      held.status === 'failed' ||
      (held.status === 'sending' && held.leaseUntil !== null && held.leaseUntil < now);
    if (free) this.#records.set(keyOf(record), structuredClone(record));
    return free;
  }

  async save(record: NoticeRecord): Promise<void> {
    this.#records.set(keyOf(record), structuredClone(record));
  }

  async getMany(year: number, keys: readonly NoticeKey[]): Promise<NoticeRecord[]> {
    return keys.flatMap((key) => {
      const record = this.#records.get(keyOf({ year, ...key }));
      return record ? [structuredClone(record)] : [];
    });
  }

  async list(year: number, agencyId: string | null, page: PageRequest): Promise<Page<NoticeRecord>> {
    const mine = [...this.#records.values()]
      .filter((r) => r.year === year && (agencyId === null || r.agencyId === agencyId))
      .map((r) => structuredClone(r))
      .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    return pageOf(mine, keyOf, page);
  }

  /** Every record (assertions). */
  all(): NoticeRecord[] {
    return [...this.#records.values()].map((r) => structuredClone(r));
  }
}

function keyOf(record: { year: number; agencyId: string; stage: string }): string {
  return `${record.year}\n${record.agencyId}\n${record.stage}`;
}
