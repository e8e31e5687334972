import { describe, expect, it } from 'vitest';
import { compatibilityBreaks } from './schema-compatibility.ts';

const BEFORE = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    reason: { type: 'string', enum: ['findings', 'unreadable'] },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['year'],
};

describe('schema compatibility', () => {
  it('accepts a new optional property and a new enum value', () => {
    const after = structuredClone(BEFORE) as typeof BEFORE & { properties: Record<string, unknown> };
    after.properties.note = { type: 'string' };
    after.properties.reason = { type: 'string', enum: ['findings', 'unreadable', 'late'] };
    expect(compatibilityBreaks(BEFORE, after)).toEqual([]);
  });

  it('reports a removed property, a removed enum value, a changed type and a newly required field', () => {
    const after = {
      type: 'object',
      properties: {
        reason: { type: 'string', enum: ['findings'] },
        tags: { type: 'array', items: { type: 'number' } },
      },
      required: ['reason'],
    };
    expect(compatibilityBreaks(BEFORE, after)).toEqual([
      '$.reason: newly required',
      '$.year: removed',
      '$.reason: enum value unreadable removed',
      '$.tags[]: type string removed',
    ]);
  });
});
