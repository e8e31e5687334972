/** The agency registry in the registry table: `AGENCY#<id>` / `AGENCY`, listed through the `agencyList` GSI. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { agencyNotFound, FilingError } from '#shared/filing/errors.ts';
import type { AgencyRegistry, Page, PageRequest } from '#shared/ports.ts';
import { type Agency, AgencySchema } from '#shared/registry/agency.ts';
import { subtreePrefix } from '#shared/registry/divisions/division-code.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { addContacts, droppedAddresses, removeContacts } from './dynamo-contact-directory.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';
import { listRegistryRecords, type RegistryListKind } from './dynamo-registry-list.ts';

const LIST_PARTITION = 'AGENCIES';
const LISTED: RegistryListKind<Agency> = {
  listPartition: LIST_PARTITION,
  sortKey: 'AGENCY',
  keyPrefix: 'AGENCY#',
  parse: (item) => AgencySchema.parse(strip(item)),
};

export class DynamoAgencyRegistry implements AgencyRegistry {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(agencyId: string): Promise<Agency | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: agencyKey(agencyId) }));
    return Item ? AgencySchema.parse(strip(Item)) : null;
  }

  async create(agency: Agency): Promise<void> {
    const created = await unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item(agency),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    if (!created) {
      throw new FilingError('AGENCY_EXISTS', { zh: `机关编号已存在：${agency.id}`, en: `Agency ${agency.id} exists` });
    }
    await addContacts(this.client, this.tableName, `AGENCY#${agency.id}`, agency.contactEmails);
  }

  /** Addresses it no longer lists stop signing in before the entry changes; the listed ones are (re)indexed after. */
  async replace(agency: Agency): Promise<void> {
    const before = await this.get(agency.id);
    if (!before) throw agencyNotFound(agency.id);
    const owner = `AGENCY#${agency.id}` as const;
    await removeContacts(
      this.client,
      this.tableName,
      owner,
      droppedAddresses(before.contactEmails, agency.contactEmails),
    );
    const replaced = await unlessConditionFails(() =>
      this.client.send(
        new PutCommand({ TableName: this.tableName, Item: item(agency), ConditionExpression: 'attribute_exists(pk)' }),
      ),
    );
    if (!replaced) throw agencyNotFound(agency.id);
    await addContacts(this.client, this.tableName, owner, agency.contactEmails);
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
function provinceOf(regionCode: string): string {
  return `REGION#${regionCode.slice(0, 2)}`;
}

function agencyKey(agencyId: string) {
  return { pk: `AGENCY#${agencyId}`, sk: 'AGENCY' };
}

/** An entry without a region code (not yet migrated) stays out of the sparse region index. */
function item(agency: Agency) {
  const region =
    agency.regionCode === null
      ? {}
      : { regionPk: provinceOf(agency.regionCode), regionSk: `${agency.regionCode}#${agency.id}` };
  return { ...agencyKey(agency.id), listPk: LIST_PARTITION, listSk: agency.id, ...region, ...agency };
}

function strip(stored: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, regionPk: _rp, regionSk: _rs, ...agency } = stored;
  return agency;
}
