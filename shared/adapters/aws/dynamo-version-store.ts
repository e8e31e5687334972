/**
 * Report versions in the filings table, one partition per agency: `AGENCY#<id>` / `V#<year>#<nnnnnn>`
 * (immutable, written only if absent, but for the review state) and `AGENCY#<id>` / `CURRENT#<year>` (moves
 * forward only). A version awaiting review also carries the keys of the sparse `awaitingReview` index — one
 * partition per province, sorted by region code — which the decision removes in the same conditional write.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportVersion, ReviewState, VersionReview } from '#shared/filing/records.ts';
import type { Page, PageRequest, ReportVersionStore } from '#shared/ports.ts';
import { subtreePrefix } from '#shared/registry/divisions/division-code.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { decodeCursor, encodeCursor } from './dynamo-cursor.ts';
import { DynamoVersionList, parseVersion, partition } from './dynamo-version-list.ts';

export class DynamoVersionStore extends DynamoVersionList implements ReportVersionStore {
  async get(agencyId: string, year: number, version: number): Promise<ReportVersion | null> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: partition(agencyId), sk: versionSort(year, version) },
        ConsistentRead: true,
      }),
    );
    return Item ? parseVersion(Item) : null;
  }

  async latest(agencyId: string, year: number): Promise<ReportVersion | null> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': partition(agencyId), ':prefix': `V#${year}#` },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items[0] ? parseVersion(Items[0]) : null;
  }

  async findBySubmission(agencyId: string, year: number, submissionId: string): Promise<ReportVersion | null> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: 'submissionId = :id',
          ExpressionAttributeValues: { ':pk': partition(agencyId), ':prefix': `V#${year}#`, ':id': submissionId },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      if (Items[0]) return parseVersion(Items[0]);
      startKey = LastEvaluatedKey;
    } while (startKey);
    return null;
  }

  async putIfAbsent(version: ReportVersion): Promise<boolean> {
    return unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: partition(version.agencyId),
            sk: versionSort(version.year, version.version),
            ...version,
            ...(version.review?.state === 'awaitingReview' ? reviewKeys(version, version.review) : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async advanceCurrent(version: ReportVersion): Promise<void> {
    await unlessConditionFails(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: partition(version.agencyId), sk: `CURRENT#${version.year}`, ...withoutReview(version) },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
          ExpressionAttributeValues: { ':v': version.version },
        }),
      ),
    );
  }

  async updateReview(version: ReportVersion, from: ReviewState, review: VersionReview): Promise<boolean> {
    const stillAwaiting = review.state === 'awaitingReview';
    return unlessConditionFails(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: partition(version.agencyId), sk: versionSort(version.year, version.version) },
          UpdateExpression: stillAwaiting ? 'SET review = :review' : 'SET review = :review REMOVE reviewPk, reviewSk',
          ConditionExpression: 'review.#state = :from',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':review': review, ':from': from },
        }),
      ),
    );
  }

  async listAwaitingReview(regionCode: string, page: PageRequest): Promise<Page<ReportVersion>> {
    const prefix = subtreePrefix(regionCode);
    const startKey = decodeCursor(page.cursor, {
      fixed: { reviewPk: reviewPartition(regionCode) },
      prefixed: { pk: 'AGENCY#', sk: 'V#', reviewSk: prefix },
    });
    const { Items = [], LastEvaluatedKey } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'awaitingReview',
        KeyConditionExpression: 'reviewPk = :p AND begins_with(reviewSk, :s)',
        ExpressionAttributeValues: { ':p': reviewPartition(regionCode), ':s': prefix },
        Limit: page.limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const cursor = encodeCursor(LastEvaluatedKey);
    return { items: Items.map(parseVersion), ...(cursor ? { cursor } : {}) };
  }
}

function withoutReview(version: ReportVersion): Omit<ReportVersion, 'review'> {
  const { review: _review, ...rest } = version;
  return rest;
}

function reviewPartition(regionCode: string): string {
  return `REVIEW#${regionCode.slice(0, 2)}`;
}

function reviewKeys(version: ReportVersion, review: VersionReview) {
  return {
    reviewPk: reviewPartition(review.regionCode),
    reviewSk: `${review.regionCode}#${version.agencyId}#${versionSort(version.year, version.version)}`,
  };
}

/** Zero-padded so that the sort key orders versions numerically (and `latest` is one descending read). */
function versionSort(year: number, version: number): string {
  return `V#${year}#${String(version).padStart(6, '0')}`;
}
