/** A supervising office's view: the registry's region index, first versions, an agency's submissions, the bus. */
import { DynamoAcceptedReports } from '#shared/adapters/aws/dynamo-accepted-reports.ts';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoSubmissionStore } from '#shared/adapters/aws/dynamo-submission-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import { dynamo } from '../clients/dynamo.ts';
import { eventBridge } from '../clients/event-bridge.ts';
import { eventBusName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';

export const officePorts = /* @__PURE__ */ perContainer((env) => ({
  clock: systemClock,
  agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
  reports: new DynamoAcceptedReports(dynamo(), tableName('filings', env)),
  submissions: new DynamoSubmissionStore(dynamo(), tableName('filings', env)),
  events: new EventBridgePublisher(eventBridge(), eventBusName(env)),
  config: deadlineConfig(),
}));
