/** Reading a rebuild job: the archive index table alone (starting one also needs the queue: `rebuild-jobs.ts`). */
import { DynamoArchiveTable } from '#shared/adapters/aws/dynamo-archive-table.ts';
import { dynamo } from '../clients/dynamo.ts';
import { tableName } from '../config.ts';
import { perContainer } from '../function-environment.ts';

export const rebuildReadPorts = /* @__PURE__ */ perContainer((env) => ({
  index: new DynamoArchiveTable(dynamo(), tableName('archive', env)),
}));
