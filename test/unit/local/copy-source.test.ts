import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { normalizeCopySource } from '../../../infra/local/s3-stand-in.ts';

function rewritten(header: string): string | undefined {
  const req = { headers: { 'x-amz-copy-source': header } } as unknown as IncomingMessage;
  normalizeCopySource(req);
  const value = req.headers['x-amz-copy-source'];
  return typeof value === 'string' ? decodeURI(value) : undefined;
}

describe('normalizeCopySource', () => {
  it('gives s3rver (which only decodeURIs) the real key however the client encoded it', () => {
    const key = 'gongkai-data/reports/总工会 2022/v1.json';
    expect(rewritten('gongkai-data/reports/%E6%80%BB%E5%B7%A5%E4%BC%9A%202022/v1.json')).toBe(key);
    expect(rewritten('gongkai-data%2Freports%2F%E6%80%BB%E5%B7%A5%E4%BC%9A%202022%2Fv1.json')).toBe(key);
  });

  it('keeps percent signs and drops a versionId query s3rver cannot serve', () => {
    expect(rewritten('b/100%25.txt')).toBe('b/100%.txt');
    expect(rewritten('b/k.txt?versionId=abc')).toBe('b/k.txt');
  });
});
