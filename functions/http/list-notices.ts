/** GET /v1/admin/notices?year=&agencyId=&limit=&cursor= — the deadline notices of a report year. */
import { httpHandler } from '#kit/http.ts';
import { pageOf } from '#kit/page-query.ts';
import { parseInput } from '#kit/request-input.ts';
import { noticeReadPorts } from '#kit/roots/notice-read.ts';
import { chinaDay } from '#shared/deadlines/calendar.ts';
import { listNotices } from '#shared/deadlines/read-status.ts';
import type { Clock, NoticeStore } from '#shared/ports.ts';
import { AgencyIdSchema } from '#shared/registry/agency.ts';
import * as z from '#shared/zod.ts';

const NoticeQuerySchema = z.lazy(() =>
  z.object({
    year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))),
    agencyId: z.optional(AgencyIdSchema),
  }),
);

export function createHandler(ports: () => { readonly clock: Clock; readonly notices: NoticeStore }) {
  return httpHandler(async (request) => {
    const { year, agencyId } = parseInput(
      NoticeQuerySchema,
      { year: request.query.year, agencyId: request.query.agencyId },
      'query',
    );
    const reportYear = year ?? Number(chinaDay(ports().clock.now()).slice(0, 4)) - 1;
    const page = await listNotices(ports(), { year: reportYear, agencyId: agencyId ?? null }, pageOf(request));
    const notices = page.items.map((n) => ({
      agencyId: n.agencyId,
      year: n.year,
      kind: n.kind,
      stage: n.stage,
      to: n.to,
      deadline: n.deadline,
      asOf: n.asOf,
      sentAt: n.sentAt,
      status: n.status,
    }));
    return { status: 200, body: { year: reportYear, notices, ...(page.cursor ? { cursor: page.cursor } : {}) } };
  });
}

export const handler = createHandler(noticeReadPorts);
