import type { ArchiveTable, IndexItem, ItemChange } from '#shared/archive/archive-index.ts';
import type { Page, PageRequest } from '#shared/ports.ts';

/** The archive index in memory: partitions of sorted items, values copied in and out like a real store. */
export class MemoryArchiveTable implements ArchiveTable {
  readonly #partitions = new Map<string, Map<string, Record<string, unknown>>>();

  #partition(pk: string): Map<string, Record<string, unknown>> {
    let partition = this.#partitions.get(pk);
    if (partition === undefined) {
      partition = new Map();
      this.#partitions.set(pk, partition);
    }
    return partition;
  }

  async put(item: IndexItem): Promise<void> {
    this.#partition(item.pk).set(item.sk, structuredClone(item.value as Record<string, unknown>));
  }

  async putUnlessNewer(item: IndexItem, version: number): Promise<void> {
    const stored = this.#partitions.get(item.pk)?.get(item.sk);
    if (stored !== undefined && typeof stored.version === 'number' && stored.version > version) return;
    await this.put(item);
  }

  async get(pk: string, sk: string): Promise<unknown | null> {
    const value = this.#partitions.get(pk)?.get(sk);
    return value === undefined ? null : structuredClone(value);
  }

  async query(pk: string, page: PageRequest & { readonly newestFirst?: boolean }): Promise<Page<IndexItem>> {
    const keys = [...(this.#partitions.get(pk)?.keys() ?? [])].sort();
    if (page.newestFirst) keys.reverse();
    const start = page.cursor === undefined ? 0 : keys.indexOf(page.cursor) + 1;
    const slice = keys.slice(start, start + page.limit);
    const items = slice.map((sk) => ({ pk, sk, value: structuredClone(this.#partitions.get(pk)?.get(sk)) }));
    const last = slice.at(-1);
    return start + page.limit < keys.length && last !== undefined ? { items, cursor: last } : { items };
  }

  async increment(pk: string, sk: string, field: string, by: number): Promise<number> {
    const partition = this.#partition(pk);
    const value = partition.get(sk) ?? {};
    const next = numberToAdd(value, field) + by;
    partition.set(sk, { ...value, [field]: next });
    return next;
  }

  async update(pk: string, sk: string, change: ItemChange): Promise<boolean> {
    const partition = this.#partition(pk);
    const value = partition.get(sk) ?? {};
    const fields = [
      ...Object.keys(change.set ?? {}),
      ...Object.keys(change.add ?? {}),
      ...(change.once === undefined ? [] : [change.once]),
    ];
    const twice = fields.find((field, i) => fields.indexOf(field) !== i);
    if (twice !== undefined) throw new Error(`Two document paths overlap with each other: ${twice}`);
    if (change.once !== undefined && value[change.once] !== undefined) return false;
    const next: Record<string, unknown> = { ...value, ...structuredClone(change.set ?? {}) };
    for (const [field, by] of Object.entries(change.add ?? {})) next[field] = numberToAdd(next, field) + by;
    if (change.once !== undefined) next[change.once] = true;
    partition.set(sk, next);
    return true;
  }
}

/** What ADD finds in a field: nothing counts as 0, anything but a number is refused, as DynamoDB refuses it. */
function numberToAdd(value: Readonly<Record<string, unknown>>, field: string): number {
  const found = value[field];
  if (found === undefined) return 0;
  if (typeof found !== 'number')
    throw new Error(`An operand in the update expression has an incorrect data type: ${field}`);
  return found;
}
