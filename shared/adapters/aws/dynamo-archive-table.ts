/**
 * The archive index in the `archive` table: each value's fields stored beside `pk`/`sk`, so a counter is one
 * atomic `ADD`, an entry's version guard one condition, and a counted-once change one conditional UpdateItem
 * (DynamoDB Local stand-ins have no transactions).
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ArchiveTable, IndexItem, ItemChange } from '#shared/archive/archive-index.ts';
import type { Page, PageRequest } from '#shared/ports.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';

function itemValue(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, ...value } = item;
  return value;
}

export class DynamoArchiveTable implements ArchiveTable {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(item: IndexItem): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...(item.value as object), pk: item.pk, sk: item.sk } }),
    );
  }

  async putUnlessNewer(item: IndexItem, version: number): Promise<void> {
    await unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...(item.value as object), pk: item.pk, sk: item.sk },
          ConditionExpression: 'attribute_not_exists(pk) OR version <= :v',
          ExpressionAttributeValues: { ':v': version },
        }),
      ),
    );
  }

  async get(pk: string, sk: string): Promise<unknown | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
    );
    return Item === undefined ? null : itemValue(Item);
  }

  async query(pk: string, page: PageRequest & { readonly newestFirst?: boolean }): Promise<Page<IndexItem>> {
    const startKey = decodeCursor(page.cursor, { fixed: { pk }, prefixed: { sk: '' } });
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Limit: page.limit,
        ScanIndexForward: page.newestFirst !== true,
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    const items = Items.map((i) => ({ pk: String(i.pk), sk: String(i.sk), value: itemValue(i) }));
    return { items, ...(cursor ? { cursor } : {}) };
  }

  async increment(pk: string, sk: string, field: string, by: number): Promise<number> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk, sk },
        UpdateExpression: 'ADD #f :n',
        ExpressionAttributeNames: { '#f': field },
        ExpressionAttributeValues: { ':n': by },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.[field] ?? 0);
  }

  async update(pk: string, sk: string, change: ItemChange): Promise<boolean> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const adds: string[] = [];
    for (const [i, [field, value]] of Object.entries(change.set ?? {}).entries()) {
      names[`#s${i}`] = field;
      values[`:s${i}`] = value;
      sets.push(`#s${i} = :s${i}`);
    }
    for (const [i, [field, by]] of Object.entries(change.add ?? {}).entries()) {
      names[`#a${i}`] = field;
      values[`:a${i}`] = by;
      adds.push(`#a${i} :a${i}`);
    }
    if (change.once !== undefined) {
      names['#once'] = change.once;
      values[':once'] = true;
      sets.push('#once = :once');
    }
    const expression = [
      sets.length > 0 ? `SET ${sets.join(', ')}` : '',
      adds.length > 0 ? `ADD ${adds.join(', ')}` : '',
    ];
    return unlessConditionFails(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk, sk },
          UpdateExpression: expression.filter((part) => part !== '').join(' '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ...(change.once === undefined ? {} : { ConditionExpression: 'attribute_not_exists(#once)' }),
        }),
      ),
    );
  }
}
