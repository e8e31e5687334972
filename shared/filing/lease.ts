/** Leases on pending submissions: one worker at a time finishes a submission, and a dead worker's lease runs out. */
import type { Clock } from '#shared/ports.ts';

/** Longer than any function's timeout (300 s for the sweep), so a live worker never loses its lease. */
export const LEASE_MILLISECONDS = 10 * 60_000;

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

export function leaseUntil(clock: Clock): string {
  return new Date(clock.now().getTime() + LEASE_MILLISECONDS).toISOString();
}
