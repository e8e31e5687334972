/** The pages queue's consumer: one agency's report pages, downloads and agency page per message. */
import { pagesPorts } from '#kit/roots/agency-pages.ts';
import { taskConsumer } from '#kit/task-consumer.ts';
import { publishAgencyPages } from '#shared/archive/agency-pages.ts';
import type { PagesPorts } from '#shared/archive/archive-ports.ts';

export function createHandler(ports: () => PagesPorts) {
  return taskConsumer('pages', async (task) => {
    await publishAgencyPages(ports(), task);
  });
}

export const handler = createHandler(pagesPorts);
