/**
 * The sign-in table: `ADDRESS#<address>` and `CLIENT#<client>` / `STATE` (limits, lockout, the hashed code; written
 * back only at the revision read), `SESSION#<sha256>` / `SESSION`, and the audit trail `AUDIT#<day>` /
 * `<time>#<id>`. Every item carries `expiresAt` (epoch seconds) for DynamoDB TTL; TTL deletes late, so every read
 * also checks the times itself.
 */
import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Revised, SignInStore } from '#shared/auth/sign-in-ports.ts';
import {
  type AddressState,
  AddressStateSchema,
  type ClientState,
  ClientStateSchema,
  type SessionRecord,
  SessionRecordSchema,
  type SignInAudit,
} from '#shared/auth/sign-in-records.ts';
import type * as z from '#shared/zod.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';

/** Long enough for a yearly review of who signed in, and more than the six months 网络安全法 第二十一条 asks. */
const AUDIT_DAYS = 400;

export class DynamoSignInStore implements SignInStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  address(address: string): Promise<Revised<AddressState> | null> {
    return this.#readState(`ADDRESS#${address}`, AddressStateSchema);
  }

  saveAddress(address: string, state: AddressState, revision: number | null, keepUntil: Date): Promise<boolean> {
    return this.#writeState(`ADDRESS#${address}`, state, revision, keepUntil);
  }

  client(client: string): Promise<Revised<ClientState> | null> {
    return this.#readState(`CLIENT#${client}`, ClientStateSchema);
  }

  saveClient(client: string, state: ClientState, revision: number | null, keepUntil: Date): Promise<boolean> {
    return this.#writeState(`CLIENT#${client}`, state, revision, keepUntil);
  }

  async putSession(session: SessionRecord, keepUntil: Date): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...sessionKey(session.sessionHash), ...session, expiresAt: epochSeconds(keepUntil) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async session(sessionHash: string): Promise<SessionRecord | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: sessionKey(sessionHash), ConsistentRead: true }),
    );
    return Item ? SessionRecordSchema.parse(Item) : null;
  }

  /** Only while it exists: a request racing a sign-out must not bring the session back. */
  async touchSession(sessionHash: string, lastSeenAt: string, keepUntil: Date): Promise<void> {
    await unlessConditionFails(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sessionKey(sessionHash),
          UpdateExpression: 'SET lastSeenAt = :seen, expiresAt = :exp',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':seen': lastSeenAt, ':exp': epochSeconds(keepUntil) },
        }),
      ),
    );
  }

  async deleteSession(sessionHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: sessionKey(sessionHash) }));
  }

  async audit(record: SignInAudit): Promise<void> {
    const keepUntil = new Date(Date.parse(record.at) + AUDIT_DAYS * 86_400_000);
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: `AUDIT#${record.at.slice(0, 10)}`,
          sk: `${record.at}#${randomUUID()}`,
          ...record,
          expiresAt: epochSeconds(keepUntil),
        },
      }),
    );
  }

  async #readState<S>(pk: string, schema: z.ZodMiniType<S>): Promise<Revised<S> | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk, sk: 'STATE' }, ConsistentRead: true }),
    );
    if (!Item) return null;
    return { state: schema.parse(Item.state), revision: Number(Item.revision) };
  }

  #writeState(pk: string, state: unknown, revision: number | null, keepUntil: Date): Promise<boolean> {
    return unlessConditionFails(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk, sk: 'STATE', state, revision: (revision ?? 0) + 1, expiresAt: epochSeconds(keepUntil) },
          ...(revision === null
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'revision = :r', ExpressionAttributeValues: { ':r': revision } }),
        }),
      ),
    );
  }
}

function sessionKey(sessionHash: string) {
  return { pk: `SESSION#${sessionHash}`, sk: 'SESSION' };
}

function epochSeconds(date: Date): number {
  return Math.ceil(date.getTime() / 1000);
}
