/** POST /v1/office/agencies/{agencyId}/reminders?year= — the office re-sends a deadline reminder to one of its agencies. */

import { httpHandler } from '#kit/http.ts';
import { callingOffice } from '#kit/principal.ts';
import { reportYearOf } from '#kit/report-year.ts';
import { officePorts } from '#kit/roots/office.ts';
import { type ReminderPorts, sendReminder } from '#shared/office/send-reminder.ts';
import type { Clock } from '#shared/ports.ts';

export function createHandler(ports: () => ReminderPorts & { readonly clock: Clock }) {
  return httpHandler(async (request) => {
    const office = callingOffice(request.principal);
    const { year, asOf } = reportYearOf(request, ports().clock);
    const agencyId = request.pathParameters.agencyId ?? '';
    return { status: 202, body: await sendReminder(ports(), office, agencyId, year, asOf) };
  });
}

export const handler = createHandler(officePorts);
