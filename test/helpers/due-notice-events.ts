/** The deadline events a memory bus recorded, parsed with their contracts as the notice sender's handler does. */
import { FilingDueSoon, FilingEscalated, FilingOverdue } from '#events/index.ts';
import type { PublishedEvent } from '#shared/adapters/memory/memory-event-publisher.ts';
import type { DueNoticeEvent } from '#shared/deadlines/send-notice.ts';

export function dueNoticeEvents(published: readonly PublishedEvent[]): DueNoticeEvent[] {
  return published.flatMap((event): DueNoticeEvent[] => {
    switch (event.detailType) {
      case FilingDueSoon.detailType:
        return [{ detailType: FilingDueSoon.detailType, detail: FilingDueSoon.detail.parse(event.detail) }];
      case FilingOverdue.detailType:
        return [{ detailType: FilingOverdue.detailType, detail: FilingOverdue.detail.parse(event.detail) }];
      case FilingEscalated.detailType:
        return [{ detailType: FilingEscalated.detailType, detail: FilingEscalated.detail.parse(event.detail) }];
      default:
        return [];
    }
  });
}
