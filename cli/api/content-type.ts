/**
 * The Content-Type a report file is sent with: from its extension, or for standard input from its bytes as
 * the server's own sniffer reads them. The API reads the bytes either way; the type only picks the reader.
 */
import { FILE_FORMATS, mediaTypeOfFileName } from '#shared/media-types.ts';
import { fileFormatOf } from '#shared/parse/file-format.ts';

export function contentTypeOf(bytes: Uint8Array, fileName?: string): string {
  const byName = fileName ? mediaTypeOfFileName(fileName) : undefined;
  return byName ?? FILE_FORMATS[fileFormatOf(bytes).kind].mediaType;
}

/** A name for standard input, so the stored original still says what kind of file it was. */
export function fileNameFor(contentType: string): string {
  const format = Object.values(FILE_FORMATS).find(({ mediaType }) => mediaType === contentType);
  return `stdin.${format?.extension ?? FILE_FORMATS.other.extension}`;
}
