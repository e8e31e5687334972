/** Opaque cursors for in-memory listings: the sort key of the last item on the page. */
import type { Page, PageRequest } from '#shared/ports.ts';

export function pageOf<T>(sorted: readonly T[], keyOf: (item: T) => string, page: PageRequest): Page<T> {
  const after = page.cursor ? Buffer.from(page.cursor, 'base64url').toString('utf8') : null;
  const rest = after === null ? sorted : sorted.filter((item) => keyOf(item) > after);
  const items = rest.slice(0, page.limit);
  const last = items.at(-1);
  return rest.length > page.limit && last !== undefined
    ? { items, cursor: Buffer.from(keyOf(last), 'utf8').toString('base64url') }
    : { items };
}
