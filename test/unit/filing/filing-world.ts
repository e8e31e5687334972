/** A filing service on memory adapters with the real checker, and the two agencies the tests file for. */
import { type MemoryPorts, memoryPorts } from '#shared/adapters/memory/memory-ports.ts';
import { checkReport } from '#shared/check-report.ts';
import type { SubmitRequest } from '#shared/filing/submit-report.ts';
import { validateReport } from '#shared/validate/validate-report.ts';
import { bytesOf, OTHER_AGENCY, SEED_AGENCY, SEED_TEXT } from './seed-report.ts';

export async function filingWorld(): Promise<MemoryPorts> {
  const ports = memoryPorts({ checkReport, validateReport });
  await ports.agencies.create(SEED_AGENCY);
  await ports.agencies.create(OTHER_AGENCY);
  return ports;
}

export function filing(text: string = SEED_TEXT, overrides: Partial<SubmitRequest> = {}): SubmitRequest {
  return {
    agencyId: SEED_AGENCY.id,
    file: { bytes: bytesOf(text), contentType: 'text/plain; charset=utf-8', fileName: '2022年报.txt' },
    idempotencyKey: null,
    amendmentReason: null,
    dryRun: false,
    imported: false,
    ...overrides,
  };
}
