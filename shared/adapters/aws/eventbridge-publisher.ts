/** Puts contract-checked events on the bus. */
import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DetailOf, EventContract } from '#events/define-event.ts';
import type { EventPublisher } from '#shared/ports.ts';

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish<C extends EventContract>(contract: C, detail: DetailOf<C>): Promise<void> {
    // A producer bug must fail here, not in every consumer.
    const checked = contract.detail.parse(detail);
    const out = await this.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: contract.source,
            DetailType: contract.detailType,
            Detail: JSON.stringify(checked),
          },
        ],
      }),
    );
    if ((out.FailedEntryCount ?? 0) > 0) {
      const entry = out.Entries?.[0];
      throw new Error(
        `PutEvents refused ${contract.detailType}: ${entry?.ErrorCode ?? '?'} ${entry?.ErrorMessage ?? ''}`,
      );
    }
  }
}
