import type { IdGenerator } from '#shared/ports.ts';

/** Predictable ids and secrets for tests: `id-0001`, `secret-0001`, … */
export class SequentialIds implements IdGenerator {
  #next = 0;
  newId(): string {
    this.#next += 1;
    return `id-${String(this.#next).padStart(4, '0')}`;
  }
  newSecret(): string {
    this.#next += 1;
    return `secret-${String(this.#next).padStart(4, '0')}`;
  }
}
