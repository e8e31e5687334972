/** Bearer tokens in the registry table: `TOKEN#<tokenId>` / `TOKEN`, holding only the token's sha256. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type TokenRecord, TokenRecordSchema } from '#shared/auth/principal.ts';
import type { TokenStore } from '#shared/ports.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';

export class DynamoTokenStore implements TokenStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(token: TokenRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...tokenKey(token.tokenId), ...token },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(tokenId: string): Promise<TokenRecord | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: tokenKey(tokenId) }));
    return Item ? TokenRecordSchema.parse(Item) : null;
  }

  async revoke(tokenId: string, revokedAt: string): Promise<boolean> {
    return unlessConditionFails(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: tokenKey(tokenId),
          UpdateExpression: 'SET revokedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': revokedAt },
        }),
      ),
    );
  }
}

function tokenKey(tokenId: string) {
  return { pk: `TOKEN#${tokenId}`, sk: 'TOKEN' };
}
