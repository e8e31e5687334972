import { describe, expect, it } from 'vitest';
import { publishedFormatOf } from '#shared/archive/original-format.ts';
import { FILE_FORMATS } from '#shared/media-types.ts';

describe("an original's published format", () => {
  it('is the format the filing stored it under, with its extension', () => {
    expect(publishedFormatOf(FILE_FORMATS.pdf.mediaType)).toEqual({
      kind: 'pdf',
      contentType: 'application/pdf',
      extension: 'pdf',
    });
    expect(publishedFormatOf(FILE_FORMATS.docx.mediaType).extension).toBe('docx');
    expect(publishedFormatOf('application/json; charset=utf-8').extension).toBe('json');
  });

  it('keeps the encoding a text original was stored with', () => {
    expect(publishedFormatOf('text/plain; charset=gb18030')).toEqual({
      kind: 'text',
      contentType: 'text/plain; charset=gb18030',
      extension: 'txt',
    });
    expect(publishedFormatOf('TEXT/HTML; charset=utf-8').extension).toBe('html');
  });

  it('is opaque bytes for a type no reader stands behind', () => {
    for (const stored of ['text/javascript', 'image/svg+xml', 'application/octet-stream', ''])
      expect(publishedFormatOf(stored)).toEqual({
        kind: 'other',
        contentType: 'application/octet-stream',
        extension: 'bin',
      });
  });
});
