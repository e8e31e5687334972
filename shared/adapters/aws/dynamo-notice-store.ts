/**
 * Deadline notices in the notices table: `YEAR#<year>` / `<agencyId>#<stage>`, so a year's notices (or one
 * agency's) are one Query. The claim is a conditional put: two senders racing for a notice, one wins.
 */
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { chunked, mapConcurrently } from '#shared/deadlines/bounded-concurrency.ts';
import { type NoticeKey, type NoticeRecord, NoticeRecordSchema } from '#shared/deadlines/notice-record.ts';
import type { NoticeStore, Page, PageRequest } from '#shared/ports.ts';
import { batchGetAll } from './dynamo-batch-get.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';

const BATCH_CONCURRENCY = 4;

export class DynamoNoticeStore implements NoticeStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  claim(record: NoticeRecord, now: string): Promise<boolean> {
    return unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item(record),
          ConditionExpression:
            'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ':sending': 'sending', ':now': now },
        }),
      ),
    );
  }

  async save(record: NoticeRecord): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item(record) }));
  }

  async getMany(year: number, keys: readonly NoticeKey[]): Promise<NoticeRecord[]> {
    const unique = [...new Map(keys.map((k) => [sortKey(k), keyOf(year, k)])).values()];
    const batches = await mapConcurrently(chunked(unique, 100), BATCH_CONCURRENCY, (chunk) =>
      batchGetAll(this.client, this.tableName, chunk),
    );
    return batches.flat().map(recordOf);
  }

  async list(year: number, agencyId: string | null, page: PageRequest): Promise<Page<NoticeRecord>> {
    const startKey = decodeCursor(page.cursor, {
      fixed: { pk: partition(year) },
      prefixed: { sk: agencyId === null ? '' : `${agencyId}#` },
    });
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: agencyId === null ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :agency)',
        ExpressionAttributeValues: {
          ':pk': partition(year),
          ...(agencyId === null ? {} : { ':agency': `${agencyId}#` }),
        },
        Limit: page.limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map(recordOf), ...(cursor ? { cursor } : {}) };
  }
}

function partition(year: number): string {
  return `YEAR#${year}`;
}
// Agency ids never contain '#' (lowercase letters, digits, hyphens), so the prefix query cannot overlap.
function sortKey(key: NoticeKey): string {
  return `${key.agencyId}#${key.stage}`;
}
function keyOf(year: number, key: NoticeKey) {
  return { pk: partition(year), sk: sortKey(key) };
}
function item(record: NoticeRecord) {
  return { ...keyOf(record.year, record), ...record };
}
function recordOf(stored: Record<string, unknown>): NoticeRecord {
  const { pk: _pk, sk: _sk, ...record } = stored;
  return NoticeRecordSchema.parse(record);
}
