/**
 * A rebuild job's steps: what indexing a filing uses (`index-filing.ts`), and every task queue (a shard's step
 * re-indexes its filings and queues their pages, the shard's build and the roll-ups; the plan queues the steps).
 */
import { perContainer } from '../function-environment.ts';
import { indexingPorts } from './index-filing.ts';

export const rebuildPorts = /* @__PURE__ */ perContainer((env) =>
  indexingPorts(env, ['rebuild', 'pages', 'shards', 'archive']),
);
