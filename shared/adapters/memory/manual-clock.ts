import type { Clock } from '#shared/ports.ts';

/** A clock that moves only when told to (leases and receipts in tests). */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: string | Date = '2023-01-06T02:15:30.000Z') {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(milliseconds: number): void {
    this.#now += milliseconds;
  }
}
