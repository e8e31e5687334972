import { describe, expect, it } from 'vitest';
// @ts-expect-error: the page's plain ES module has no type declarations.
import { requestKey, startNewRequest } from '../../../web/file/request-key.js';

describe("the upload page's Idempotency-Key", () => {
  it('stays the same for a retry of the same request, and changes with the explanations or a new request', () => {
    startNewRequest();
    const first = requestKey({ 'C1:text.overview': '沿用上年表述' });
    expect(requestKey({ 'C1:text.overview': '沿用上年表述' })).toBe(first);
    const other = requestKey({ 'C1:text.overview': '另一说明' });
    expect(other).not.toBe(first);
    startNewRequest();
    expect(requestKey({ 'C1:text.overview': '另一说明' })).not.toBe(other);
  });
});
