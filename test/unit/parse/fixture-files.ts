/** Reads the plain-text fixtures and their expected reports. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Report, ReportSchema } from '#shared/report/model.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

export const SEED = '2022-shaoguan-qujiang-trade-union';

export function textFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, 'text', `${name}.txt`)));
}

export function textFixtureString(name: string): string {
  return readFileSync(join(FIXTURES, 'text', `${name}.txt`), 'utf8');
}

export function expectedReport(name: string): Report {
  return ReportSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'text', `${name}.expected.json`), 'utf8')));
}

export function goldenReport(): Report {
  return ReportSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'golden', `${SEED}.json`), 'utf8')));
}
