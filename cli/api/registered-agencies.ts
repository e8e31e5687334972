/** Every registered agency, page by page, as the API returns them (bodies, parsed by the caller). */
import * as z from 'zod';
import { CliFailure } from '../failure.ts';
import type { ApiClient } from './client.ts';

const PAGE_SIZE = 100;
const AgencyPageSchema = z.object({ agencies: z.array(z.unknown()), cursor: z.string().optional() });

export async function registeredAgencyBodies(client: ApiClient): Promise<unknown[]> {
  const bodies: unknown[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
    const page = AgencyPageSchema.safeParse(await client.call({ method: 'GET', path: `/v1/admin/agencies?${query}` }));
    if (!page.success)
      throw new CliFailure('接口返回的机关列表格式不对', 'the API answered with an unexpected agency list');
    bodies.push(...page.data.agencies);
    cursor = page.data.cursor;
  } while (cursor);
  return bodies;
}
