/** Starting a rebuild job: the archive index table, and the rebuild queue its planning task goes to. */
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { SqsTaskQueue } from '#shared/adapters/aws/sqs-task-queue.ts';
import { systemClock } from '#shared/adapters/system/system-clock.ts';
import { dynamo } from '../clients/dynamo.ts';
import { sqs } from '../clients/sqs.ts';
import { queueUrl, tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const rebuildStartPorts = /* @__PURE__ */ perContainer((env) => ({
  clock: systemClock,
  index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
  queue: new SqsTaskQueue(sqs(), { rebuild: queueUrl('rebuild', env) }),
}));
