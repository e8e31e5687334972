/** Supervising offices in the registry table: `OFFICE#<id>` / `OFFICE`, listed through the `agencyList` GSI. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { FilingError } from '#shared/filing/errors.ts';
import type { OfficeRegistry, Page, PageRequest } from '#shared/ports.ts';
import { type Office, OfficeSchema } from '#shared/registry/office.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { addContacts } from './dynamo-contact-directory.ts';
import { listRegistryRecords, type RegistryListKind } from './dynamo-registry-list.ts';

const LIST_PARTITION = 'OFFICES';
const LISTED: RegistryListKind<Office> = {
  listPartition: LIST_PARTITION,
  sortKey: 'OFFICE',
  keyPrefix: 'OFFICE#',
  parse: (item) => OfficeSchema.parse(strip(item)),
};

export class DynamoOfficeRegistry implements OfficeRegistry {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(officeId: string): Promise<Office | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: officeKey(officeId) }));
    return Item ? OfficeSchema.parse(strip(Item)) : null;
  }

  async create(office: Office): Promise<void> {
    const created = await unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...officeKey(office.id), listPk: LIST_PARTITION, listSk: office.id, ...office },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    if (!created) throw officeExists(office.id);
    await addContacts(this.client, this.tableName, `OFFICE#${office.id}`, office.contactEmails);
  }

  list(page: PageRequest): Promise<Page<Office>> {
    return listRegistryRecords(this.client, this.tableName, LISTED, page);
  }
}

export function officeExists(officeId: string): FilingError {
  return new FilingError('OFFICE_EXISTS', { zh: `办公室编号已存在：${officeId}`, en: `Office ${officeId} exists` });
}

function officeKey(officeId: string) {
  return { pk: `OFFICE#${officeId}`, sk: 'OFFICE' };
}

function strip(stored: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, listPk: _lp, listSk: _ls, ...office } = stored;
  return office;
}
