/**
 * Reading the agency registry in the registry table: `AGENCY#<id>` / `AGENCY`, listed through the `agencyList`
 * GSI and, by region, the sparse `agencyRegion` GSI. Apart from the writes (`DynamoAgencyRegistry`), so a
 * function that only reads agencies carries none of the contact-directory upkeep.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyRegistry, Page, PageRequest } from '#shared/ports.ts';
import { type Agency, AgencySchema } from '#shared/registry/agency.ts';
import { subtreePrefix } from '#shared/registry/divisions/division-code.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';
import { listRegistryRecords, type RegistryListKind } from './dynamo-registry-list.ts';

export const LIST_PARTITION = 'AGENCIES';
const LISTED: RegistryListKind<Agency> = {
  listPartition: LIST_PARTITION,
  sortKey: 'AGENCY',
  keyPrefix: 'AGENCY#',
  parse: (item) => AgencySchema.parse(strip(item)),
};

export class DynamoAgencyReader implements Pick<AgencyRegistry, 'get' | 'list' | 'listWithin' | 'listAt'> {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async get(agencyId: string): Promise<Agency | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: agencyKey(agencyId) }));
    return Item ? AgencySchema.parse(strip(Item)) : null;
  }

  list(page: PageRequest): Promise<Page<Agency>> {
    return listRegistryRecords(this.client, this.tableName, LISTED, page);
  }

  listWithin(regionCode: string, page: PageRequest): Promise<Page<Agency>> {
    return this.#queryRegion(regionCode, subtreePrefix(regionCode), page);
  }

  async listAt(regionCode: string): Promise<Agency[]> {
    const found: Agency[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#queryRegion(regionCode, `${regionCode}#`, { limit: 100, cursor });
      found.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return found;
  }

  async #queryRegion(regionCode: string, prefix: string, page: PageRequest): Promise<Page<Agency>> {
    const startKey = decodeCursor(page.cursor, {
      fixed: { regionPk: provinceOf(regionCode), sk: 'AGENCY' },
      prefixed: { pk: 'AGENCY#', regionSk: prefix },
    });
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'agencyRegion',
        KeyConditionExpression: 'regionPk = :p AND begins_with(regionSk, :s)',
        ExpressionAttributeValues: { ':p': provinceOf(regionCode), ':s': prefix },
        Limit: page.limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map((i) => AgencySchema.parse(strip(i))), ...(cursor ? { cursor } : {}) };
  }
}

/** One partition per province keeps a province's subtree in one query; a nation of agencies spreads over 31. */
export function provinceOf(regionCode: string): string {
  return `REGION#${regionCode.slice(0, 2)}`;
}

export function agencyKey(agencyId: string) {
  return { pk: `AGENCY#${agencyId}`, sk: 'AGENCY' };
}

function strip(stored: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, regionPk: _rp, regionSk: _rs, ...agency } = stored;
  return agency;
}
