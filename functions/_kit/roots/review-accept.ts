/** Accepting a version held for review: the review queue's ports and the bus (`ReportPublished`). */
import { EventBridgePublisher } from '#shared/adapters/aws/eventbridge-publisher.ts';
import type { AcceptPorts } from '#shared/review/review-filing.ts';
import { eventBridge } from '../clients/event-bridge.ts';
import { eventBusName } from '../config.ts';
import { perContainer } from '../function-environment.ts';
import { reviewPorts } from './review.ts';

export const acceptPorts = perContainer(
  (env): AcceptPorts => ({ ...reviewPorts(), events: new EventBridgePublisher(eventBridge(), eventBusName(env)) }),
);
