/** The agency registry in the registry table: the reads (`DynamoAgencyReader`), and creating and replacing entries. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { agencyNotFound, FilingError } from '#shared/filing/errors.ts';
import type { AgencyRegistry } from '#shared/ports.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { agencyKey, DynamoAgencyReader, LIST_PARTITION, provinceOf } from './dynamo-agency-reader.ts';
import { unlessConditionFails } from './dynamo-conditions.ts';
import { addContacts, droppedAddresses, removeContacts } from './dynamo-contact-directory.ts';

export class DynamoAgencyRegistry extends DynamoAgencyReader implements AgencyRegistry {
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
}

/** An entry without a region code (not yet migrated) stays out of the sparse region index. */
function item(agency: Agency) {
  const region =
    agency.regionCode === null
      ? {}
      : { regionPk: provinceOf(agency.regionCode), regionSk: `${agency.regionCode}#${agency.id}` };
  return { ...agencyKey(agency.id), listPk: LIST_PARTITION, listSk: agency.id, ...region, ...agency };
}
