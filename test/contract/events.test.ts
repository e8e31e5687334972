import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractFileStem, envelopeSchema } from '#events/define-event.ts';
import { CONSUMED_EVENTS, EVENT_CONTRACTS, PUBLISHED_EVENTS } from '#events/index.ts';
import { detailJsonSchema } from '#events/json-schema.ts';
import { compatibilityBreaks } from './schema-compatibility.ts';

const EVENTS_DIR = new URL('../../events/', import.meta.url);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, EVENTS_DIR), 'utf8'));
}

describe.each(EVENT_CONTRACTS.map((c) => [`${c.source} ${c.detailType} v${c.version}`, c] as const))(
  '%s',
  (_, contract) => {
    const stem = contractFileStem(contract);

    it('has a sample: a full EventBridge envelope that parses with the contract', () => {
      const parsed = envelopeSchema(contract).safeParse(readJson(`samples/${stem}.json`));
      expect(parsed.error?.issues ?? []).toEqual([]);
    });

    it('changed its committed JSON Schema only additively', () => {
      const committed = readJson(`schemas/${stem}.json`);
      expect(compatibilityBreaks(committed, detailJsonSchema(contract))).toEqual([]);
    });
  },
);

describe('the event catalogue', () => {
  it('has exactly one sample and one schema per contract', () => {
    const stems = EVENT_CONTRACTS.map(contractFileStem).sort();
    const files = (dir: string) =>
      readdirSync(new URL(dir, EVENTS_DIR))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
    expect(files('samples/')).toEqual(stems);
    expect(files('schemas/')).toEqual(stems);
  });

  it('lists exactly the registry in events/README.md', () => {
    const readme = readFileSync(new URL('README.md', EVENTS_DIR), 'utf8');
    const rows = readme
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.startsWith('| -'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const listed = (prefix: string) =>
      rows.filter((r) => r[0]?.startsWith(prefix)).map((r) => `${r[0]} ${r[1]} v${r[2]}`);
    const named = (contracts: typeof EVENT_CONTRACTS) =>
      contracts.map((c) => `${c.source} ${c.detailType} v${c.version}`);
    expect(listed('gongkai.').sort()).toEqual(named(PUBLISHED_EVENTS).sort());
    expect(listed('aws.').sort()).toEqual(named(CONSUMED_EVENTS).sort());
    for (const contract of EVENT_CONTRACTS) expect(readme).toContain(`samples/${contractFileStem(contract)}.json`);
  });
});
