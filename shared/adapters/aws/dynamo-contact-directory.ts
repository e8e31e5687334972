/**
 * Registered contact addresses in the registry table: `CONTACT#<address>` / `AGENCY#<id>` or `OFFICE#<id>`, one
 * item per address an agency or office lists, so that signing in finds who an address stands for in one query.
 * DynamoDB Local stand-ins have no transactions, so the entries are written beside the registry entry, removed
 * ones first; and a lookup believes an entry only while the agency or office itself still lists the address, so
 * an entry left behind by an interrupted write can never let anyone in.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '#shared/auth/principal.ts';
import { normalizeAddress } from '#shared/auth/sign-in-policy.ts';
import type { ContactDirectory } from '#shared/auth/sign-in-ports.ts';
import type { AgencyRegistry, OfficeRegistry } from '#shared/ports.ts';

const PREFIX = 'CONTACT#';

export type ContactOwner = `AGENCY#${string}` | `OFFICE#${string}`;

/** Removes the entries of addresses no longer listed (before the entry is saved), then adds the listed ones. */
export async function removeContacts(
  client: DynamoDBDocumentClient,
  tableName: string,
  owner: ContactOwner,
  removed: readonly string[],
): Promise<void> {
  const requests = unique(removed).map((address) => ({ DeleteRequest: { Key: contactKey(address, owner) } }));
  await batchWrite(client, tableName, requests);
}

export async function addContacts(
  client: DynamoDBDocumentClient,
  tableName: string,
  owner: ContactOwner,
  listed: readonly string[],
): Promise<void> {
  const requests = unique(listed).map((address) => ({ PutRequest: { Item: contactKey(address, owner) } }));
  await batchWrite(client, tableName, requests);
}

/** Addresses in `before` that `after` no longer lists, compared as sign-in compares them. */
export function droppedAddresses(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after.map(normalizeAddress));
  return before.filter((address) => !kept.has(normalizeAddress(address)));
}

export class DynamoContactDirectory implements ContactDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly registry: { agencies: Pick<AgencyRegistry, 'get'>; offices: Pick<OfficeRegistry, 'get'> },
  ) {}

  async principalsAt(address: string): Promise<Principal[]> {
    const wanted = normalizeAddress(address);
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `${PREFIX}${wanted}` },
        Limit: 25,
      }),
    );
    const found: Principal[] = [];
    for (const sk of Items.map((item) => String(item.sk)).sort()) {
      const [kind, id = ''] = sk.split('#');
      if (kind === 'AGENCY') {
        const agency = await this.registry.agencies.get(id);
        if (agency && listsAddress(agency.contactEmails, wanted)) found.push({ kind: 'agency', agencyId: id });
      } else if (kind === 'OFFICE') {
        const office = await this.registry.offices.get(id);
        if (office && listsAddress(office.contactEmails, wanted)) {
          found.push({ kind: 'office', officeId: id, regionCode: office.regionCode });
        }
      }
    }
    return found;
  }

  async lists(principal: Principal, address: string): Promise<boolean> {
    const entry =
      principal.kind === 'agency'
        ? await this.registry.agencies.get(principal.agencyId)
        : principal.kind === 'office'
          ? await this.registry.offices.get(principal.officeId)
          : null;
    return entry !== null && listsAddress(entry.contactEmails, normalizeAddress(address));
  }
}

function listsAddress(emails: readonly string[], normalized: string): boolean {
  return emails.some((e) => normalizeAddress(e) === normalized);
}

function contactKey(address: string, owner: ContactOwner) {
  return { pk: `${PREFIX}${normalizeAddress(address)}`, sk: owner };
}

function unique(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map(normalizeAddress))];
}

async function batchWrite(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly Record<string, unknown>[],
): Promise<void> {
  // At most 10 addresses an entry: one batch of 25 always holds them; unprocessed items are sent again.
  let pending = [...requests];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 5) throw new Error('contact entries could not be written');
    const { UnprocessedItems } = await client.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }),
    );
    pending = (UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
  }
}
