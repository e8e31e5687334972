import type { DetailOf, EventContract } from '#events/define-event.ts';
import type { EventPublisher } from '#shared/ports.ts';

export interface PublishedEvent {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
}

/** Records what was published; the detail is parsed with its contract, as a consumer would. */
export class MemoryEventPublisher implements EventPublisher {
  readonly published: PublishedEvent[] = [];

  async publish<C extends EventContract>(contract: C, detail: DetailOf<C>): Promise<void> {
    this.published.push({
      source: contract.source,
      detailType: contract.detailType,
      detail: contract.detail.parse(detail),
    });
  }
}
