/**
 * An event contract: who emits it (`source`), what fact it states (`detailType`, past tense), and the zod
 * schema of its `detail`. Producers publish through `EventPublisher.publish(contract, detail)` and consumers
 * parse with the same contract, so both sides are typed by one module.
 */
import * as z from '#shared/zod.ts';

export interface EventContract<
  S extends string = string,
  D extends string = string,
  Z extends z.ZodMiniType = z.ZodMiniType,
> {
  readonly source: S;
  readonly detailType: D;
  /** Bumped only with a new detail-type: a breaking change never edits a contract in place. */
  readonly version: number;
  readonly detail: Z;
  /** Who emits it and who listens, for the catalogue in events/README.md. */
  readonly producer: string;
  readonly consumers: readonly string[];
}

export type DetailOf<C extends EventContract> = z.output<C['detail']>;

/** One event as its contract parsed it: its detail-type and its detail as that contract types it. */
export type ReceivedEvent<C extends EventContract> = C extends EventContract
  ? { readonly detailType: C['detailType']; readonly detail: DetailOf<C> }
  : never;

/** Identity function whose only job is inference, so `publish(ReportAccepted, detail)` checks `detail`. */
export function defineEvent<const S extends string, const D extends string, Z extends z.ZodMiniType>(
  contract: EventContract<S, D, Z>,
): EventContract<S, D, Z> {
  return contract;
}

/**
 * File stem of a contract's sample and JSON Schema: `ReportAccepted` v1 → `report-accepted.v1`;
 * AWS events carry their service, `aws.s3` `Object Created` v0 → `s3-object-created.v0`.
 */
export function contractFileStem(contract: EventContract): string {
  const service = contract.source.startsWith('aws.') ? `${contract.source.slice(4)} ` : '';
  const kebab = `${service}${contract.detailType}`
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/\s+/g, '-')
    .toLowerCase();
  return `${kebab}.v${contract.version}`;
}

/**
 * The full EventBridge envelope around a contract's detail, as AWS delivers it to a Lambda target. A consumer
 * asks for it once, when its handler is made; the envelope is built at the first event it parses.
 */
export function envelopeSchema<C extends EventContract>(contract: C) {
  return z.lazy(() =>
    z.object({
      version: z.literal('0'),
      id: z.string().check(z.minLength(1)),
      'detail-type': z.literal(contract.detailType),
      source: z.literal(contract.source),
      account: z.string(),
      time: z.iso.datetime(),
      region: z.string(),
      resources: z.array(z.string()),
      detail: contract.detail as C['detail'],
    }),
  );
}
