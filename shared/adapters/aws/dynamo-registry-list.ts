/**
 * One page of a kind of registry record (agencies, offices), listed through the `agencyList` GSI, where every
 * record of a kind shares one `listPk` and sorts by id in `listSk`. Both registries page the same way, so the
 * cursor check (a cursor must fit this query's own keys) lives here once.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '#shared/ports.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';

export interface RegistryListKind<T> {
  /** The `listPk` every record of this kind carries, e.g. `AGENCIES`. */
  readonly listPartition: string;
  /** The record's sort key in the base table, e.g. `AGENCY`. */
  readonly sortKey: string;
  /** The prefix of its partition key, e.g. `AGENCY#`. */
  readonly keyPrefix: string;
  /** Parses a stored item (keys included) into the record. */
  readonly parse: (item: Record<string, unknown>) => T;
}

export async function listRegistryRecords<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  kind: RegistryListKind<T>,
  page: PageRequest,
): Promise<Page<T>> {
  const startKey = decodeCursor(page.cursor, {
    fixed: { listPk: kind.listPartition, sk: kind.sortKey },
    prefixed: { pk: kind.keyPrefix, listSk: '' },
  });
  const { Items = [], LastEvaluatedKey } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'agencyList',
      KeyConditionExpression: 'listPk = :p',
      ExpressionAttributeValues: { ':p': kind.listPartition },
      Limit: page.limit,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  const cursor = encodeCursor(LastEvaluatedKey);
  return { items: Items.map(kind.parse), ...(cursor ? { cursor } : {}) };
}
