/** The deadline run reads the registry, first versions and notice records by key, and publishes. */
import { DynamoAcceptedReports } from '#shared/adapters/aws/dynamo-accepted-reports.ts';
import { DynamoAgencyRegistry } from '#shared/adapters/aws/dynamo-agency-registry.ts';
import { DynamoNoticeStore } from '#shared/adapters/aws/dynamo-notice-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { DeadlinePorts } from '#shared/ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { eventBridge } from '../clients/event-bridge.ts';
import { eventBusName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';

export const deadlinePorts = /* @__PURE__ */ perContainer(
  (env): DeadlinePorts => ({
    clock: systemClock,
    agencies: new DynamoAgencyRegistry(dynamo(), tableName('registry', env)),
    reports: new DynamoAcceptedReports(dynamo(), tableName('filings', env)),
    notices: new DynamoNoticeStore(dynamo(), tableName('notices', env)),
    events: new EventBridgePublisher(eventBridge(), eventBusName(env)),
    config: deadlineConfig(),
  }),
);
