/** The EventBridge client, one per container; only the functions that declare the bus import it. */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { perContainer } from '../function-environment.ts';

export const eventBridge = /* @__PURE__ */ perContainer(() => new EventBridgeClient({}));
