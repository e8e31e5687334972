/** Every registered agency, page by page through the registry's listing (a Query on its GSI, never a scan). */
import type { AgencyRegistry } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';

/** DynamoDB returns at most 1 MB per page; agencies are small, so few pages cover 10,000. */
const PAGE_SIZE = 1000;

export async function listEveryAgency(agencies: Pick<AgencyRegistry, 'list'>): Promise<Agency[]> {
  const all: Agency[] = [];
  let cursor: string | undefined;
  do {
    const page = await agencies.list({ limit: PAGE_SIZE, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
}
