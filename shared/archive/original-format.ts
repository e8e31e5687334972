/**
 * The format a version's original is published under. The filing sniffed the bytes once and stored the
 * original under the content type of what they are (`stagedOriginal`, fed by `fileFormatOf`), never the
 * filer's declared type, so publication reads the format back from that type instead of sniffing again: the
 * page writers carry no decoder. A type no reader stands behind is published as opaque bytes.
 */
import { FILE_FORMATS, type FileKind } from '#shared/media-types.ts';

export interface PublishedFormat {
  readonly kind: FileKind;
  /** The stored type as it is, so a text original keeps the encoding its bytes are in. */
  readonly contentType: string;
  readonly extension: string;
}

export function publishedFormatOf(storedContentType: string): PublishedFormat {
  const mediaType = storedContentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const kind = (Object.keys(FILE_FORMATS) as FileKind[]).find((k) => FILE_FORMATS[k].mediaType === mediaType);
  if (kind === undefined || kind === 'other') {
    return { kind: 'other', contentType: FILE_FORMATS.other.mediaType, extension: FILE_FORMATS.other.extension };
  }
  return { kind, contentType: storedContentType, extension: FILE_FORMATS[kind].extension };
}
