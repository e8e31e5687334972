/** Returning a version held for review: the review queue's ports, the offices, and the mailer for the agency. */

import { DynamoOfficeRegistry } from '#shared/adapters/aws/dynamo-office-registry.ts';
import type { ReturnPorts } from '#shared/review/review-filing.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { publicSiteUrl } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { deploymentMailer } from '../mailer.ts';
import { reviewPorts } from './review.ts';

export const returnPorts = perContainer(
  (env): ReturnPorts => ({
    ...reviewPorts(),
    offices: new DynamoOfficeRegistry(dynamo(), tableName('registry', env)),
    mailer: deploymentMailer(env),
    siteUrl: publicSiteUrl(),
  }),
);
