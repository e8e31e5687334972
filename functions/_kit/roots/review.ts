/**
 * The office's review routes: versions and submissions in the filings table, agencies and offices in the
 * registry; accepting needs the bus (`ReportPublished`), returning the mailer (the agency is told the reason).
 * Each root builds only what its function declares, so the lister carries neither.
 */
import * as z from 'zod';
import { MAIL_SENDER_ENV } from '#infra/declaration.ts';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoOfficeRegistry } from '#shared/adapters/aws/dynamo-office-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { DynamoVersionStore } from '#shared/adapters/aws/dynamo-version-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { AcceptPorts, ReturnPorts, ReviewPorts } from '#shared/review/review-filing.ts';
import { dynamo } from '../clients/dynamo.ts';
import { eventBridge } from '../clients/event-bridge.ts';
import { eventBusName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { mailerFor } from '../mailer.ts';

export const reviewPorts = perContainer(
  (env): ReviewPorts => ({
    clock: systemClock,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
    submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
    versions: new DynamoVersionStore(dynamo(), tableName('filings', env)),
  }),
);

export const acceptPorts = perContainer(
  (env): AcceptPorts => ({ ...reviewPorts(), events: new EventBridgePublisher(eventBridge(), eventBusName(env)) }),
);

export const returnPorts = perContainer(
  (env): ReturnPorts => ({
    ...reviewPorts(),
    offices: new DynamoOfficeRegistry(dynamo(), tableName('registry', env)),
    mailer: mailerFor(z.email(`${MAIL_SENDER_ENV} must be an e-mail address`).parse(env[MAIL_SENDER_ENV]), env),
    siteUrl: deadlineConfig().siteUrl.replace(/\/+$/, ''),
  }),
);
