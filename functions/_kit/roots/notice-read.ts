/** Listing notices: the notices table only. */
import { DynamoNoticeStore } from '#shared/adapters/aws/dynamo-notice-store.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const noticeReadPorts = /* @__PURE__ */ perContainer((env) => ({
  clock: systemClock,
  notices: new DynamoNoticeStore(dynamo(), tableName('notices', env)),
}));
