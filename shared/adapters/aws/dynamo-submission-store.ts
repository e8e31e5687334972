/**
 * Submissions in the filings table: `SUB#<id>` / `SUB`. A pending submission carries `leaseUntil` plus the
 * sparse `pending` GSI keys (`PENDING`, `<leaseUntil>#<id>`), so the sweep queries only unfinished work.
 * De-duplication keys: `DEDUPE#<agencyId>#<kind>#<value>` / `DEDUPE` → submissionId.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type DedupeKey, type Submission, SubmissionSchema } from '#shared/filing/records.ts';
import type { Page, PageRequest, SubmissionStore } from '#shared/ports.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';

const PENDING = 'PENDING';

export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(submission: Submission, leaseUntil: string | null): Promise<boolean> {
    const id = submission.submissionId;
    const lease = leaseUntil ? { leaseUntil, ...pendingKeys(id, leaseUntil) } : {};
    return unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...submissionKey(id), ...agencyKeys(submission), ...submission, ...lease },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async get(submissionId: string): Promise<Submission | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: submissionKey(submissionId), ConsistentRead: true }),
    );
    return Item ? SubmissionSchema.parse(Item) : null;
  }

  async save(submission: Submission): Promise<void> {
    const fields = Object.entries(submission);
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: submissionKey(submission.submissionId),
        UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
      }),
    );
  }

  async acquireLease(submissionId: string, now: string, leaseUntil: string): Promise<boolean> {
    return unlessConditionFails(() =>
      this.#setLease(
        submissionId,
        leaseUntil,
        'attribute_exists(pk) AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)',
        now,
      ),
    );
  }

  async releaseLease(submissionId: string, now: string): Promise<void> {
    await unlessConditionFails(() => this.#setLease(submissionId, now, 'attribute_exists(pk)', now));
  }

  async finish(submissionId: string): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: submissionKey(submissionId),
        UpdateExpression: 'REMOVE leaseUntil, pendingPk, pendingSk',
      }),
    );
  }

  async discard(submissionId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: submissionKey(submissionId) }));
  }

  async listPending(now: string, limit: number): Promise<string[]> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'pending',
        // `~` sorts after `#`, so every lease that ends at or before `now` is below the bound.
        KeyConditionExpression: 'pendingPk = :p AND pendingSk < :bound',
        ExpressionAttributeValues: { ':p': PENDING, ':bound': `${now}~` },
        Limit: limit,
      }),
    );
    return Items.map((i) => String(i.submissionId));
  }

  async claimDedupeKey(key: DedupeKey, submissionId: string): Promise<string | null> {
    const claimed = await unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...dedupeKey(key), submissionId },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    return claimed ? null : this.findDedupeKey(key);
  }

  async releaseDedupeKey(key: DedupeKey, submissionId: string): Promise<void> {
    await unlessConditionFails(() =>
      this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: dedupeKey(key),
          ConditionExpression: 'submissionId = :id',
          ExpressionAttributeValues: { ':id': submissionId },
        }),
      ),
    );
  }

  async findDedupeKey(key: DedupeKey): Promise<string | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: dedupeKey(key), ConsistentRead: true }),
    );
    return typeof Item?.submissionId === 'string' ? Item.submissionId : null;
  }

  async listByAgency(agencyId: string, year: number, page: PageRequest): Promise<Page<Submission>> {
    const startKey = decodeCursor(page.cursor, {
      fixed: { subAgencyPk: `AGENCY#${agencyId}`, sk: 'SUB' },
      prefixed: { pk: 'SUB#', subAgencySk: '' },
    });
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'agencySubmissions',
        KeyConditionExpression: 'subAgencyPk = :a',
        FilterExpression: '#year = :y',
        ExpressionAttributeNames: { '#year': 'year' },
        ExpressionAttributeValues: { ':a': `AGENCY#${agencyId}`, ':y': year },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map((i) => SubmissionSchema.parse(i)), ...(cursor ? { cursor } : {}) };
  }

  #setLease(submissionId: string, until: string, condition: string, now: string) {
    return this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: submissionKey(submissionId),
        UpdateExpression: 'SET leaseUntil = :until, pendingPk = :p, pendingSk = :sk',
        ConditionExpression: condition,
        ExpressionAttributeValues: {
          ':until': until,
          ':p': PENDING,
          ':sk': pendingKeys(submissionId, until).pendingSk,
          ...(condition.includes(':now') ? { ':now': now } : {}),
        },
      }),
    );
  }
}

function submissionKey(submissionId: string) {
  return { pk: `SUB#${submissionId}`, sk: 'SUB' };
}

/** The sparse `agencySubmissions` index: an agency's submissions by arrival (an office reads them, rejected ones too). */
function agencyKeys(submission: Submission) {
  return {
    subAgencyPk: `AGENCY#${submission.agencyId}`,
    subAgencySk: `${submission.receivedAt}#${submission.submissionId}`,
  };
}

function pendingKeys(submissionId: string, leaseUntil: string) {
  return { pendingPk: PENDING, pendingSk: `${leaseUntil}#${submissionId}` };
}

function dedupeKey(key: DedupeKey) {
  return { pk: `DEDUPE#${key.agencyId}#${key.kind}#${key.value}`, sk: 'DEDUPE' };
}
