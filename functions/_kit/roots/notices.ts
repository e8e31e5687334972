/** Sending a notice: the notices table, the mailer (SES or an SMTP relay) and the bus. */

import { DynamoNoticeStore } from '#shared/adapters/aws/dynamo-notice-store.ts';
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import type { NoticePorts } from '#shared/ports.ts';
import { dynamo } from '../clients/dynamo.ts';
import { eventBridge } from '../clients/event-bridge.ts';
import { eventBusName, tableName } from '../config.ts';
import { deadlineConfig } from '../deadline-config.ts';
import { perContainer } from '../function-environment.ts';
import { deploymentMailer } from '../mailer.ts';

export const noticePorts = /* @__PURE__ */ perContainer(
  (env): NoticePorts => ({
    clock: systemClock,
    notices: new DynamoNoticeStore(dynamo(), tableName('notices', env)),
    mailer: deploymentMailer(env),
    events: new EventBridgePublisher(eventBridge(), eventBusName(env)),
    config: deadlineConfig(),
  }),
);
