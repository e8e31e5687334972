import { describe, expect, it } from 'vitest';
import { matchesPattern, patternOfSubscription } from '../../../infra/local/event-pattern.ts';

const objectCreated = {
  source: 'aws.s3',
  'detail-type': 'Object Created',
  detail: { bucket: { name: 'gongkai-uploads' }, object: { key: 'qujiang-trade-union/abc', size: 6790 } },
};

describe('patternOfSubscription', () => {
  it('matches the subscription source and any of its detail-types', () => {
    const pattern = patternOfSubscription({ source: 'aws.s3', detailTypes: ['Object Created'], fn: 'onUpload' });
    expect(matchesPattern(pattern, objectCreated)).toBe(true);
    expect(matchesPattern(pattern, { ...objectCreated, 'detail-type': 'Object Deleted' })).toBe(false);
    expect(matchesPattern(pattern, { ...objectCreated, source: 'gongkai.filing' })).toBe(false);
  });
});

describe('matchesPattern', () => {
  it('matches nested detail fields', () => {
    expect(matchesPattern({ detail: { bucket: { name: ['gongkai-uploads'] } } }, objectCreated)).toBe(true);
    expect(matchesPattern({ detail: { bucket: { name: ['gongkai-site'] } } }, objectCreated)).toBe(false);
  });

  it('supports prefix, exists and anything-but', () => {
    expect(matchesPattern({ detail: { object: { key: [{ prefix: 'qujiang-' }] } } }, objectCreated)).toBe(true);
    expect(matchesPattern({ detail: { object: { etag: [{ exists: false }] } } }, objectCreated)).toBe(true);
    expect(matchesPattern({ detail: { object: { size: [{ exists: true }] } } }, objectCreated)).toBe(true);
    expect(matchesPattern({ source: [{ 'anything-but': ['aws.s3'] }] }, objectCreated)).toBe(false);
    expect(matchesPattern({ source: [{ 'anything-but': 'gongkai.filing' }] }, objectCreated)).toBe(true);
  });

  it('matches a value against any element of an array field', () => {
    expect(matchesPattern({ resources: ['arn:aws:s3:::b'] }, { resources: ['arn:aws:s3:::a', 'arn:aws:s3:::b'] })).toBe(
      true,
    );
  });

  it('does not match a missing field', () => {
    expect(matchesPattern({ detail: { reason: ['PutObject'] } }, objectCreated)).toBe(false);
  });
});
