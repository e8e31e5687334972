/** The JSON Schema of a contract's detail, as committed under events/schemas/ for the compatibility test. */
import * as z from '#shared/zod.ts';
import type { EventContract } from './define-event.ts';

export function detailJsonSchema(contract: EventContract): Record<string, unknown> {
  return {
    ...z.toJSONSchema(contract.detail, { io: 'input', unrepresentable: 'any' }),
    title: `${contract.source} ${contract.detailType} v${contract.version}`,
  };
}
