/**
 * The format of a filed file as its bytes show it, with the media type and extension it is stored and
 * published under. The client's Content-Type and file name never decide either: a report text with a
 * `<script>` line sent as `x.html`, or as `x.js`, is still text, kept and served as `text/plain`.
 */

import { FILE_FORMATS, type FileKind } from '#shared/media-types.ts';
import { decodeText } from './decode.ts';
import { sniffBinary, sniffText } from './sniff.ts';

export type { FileKind };

export interface FileFormat {
  readonly kind: FileKind;
  /** The stored and served Content-Type; text kinds name the encoding the bytes are in. */
  readonly contentType: string;
  readonly extension: string;
}

function textFormat(bytes: Uint8Array): FileFormat {
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(bytes);
  } catch {
    return formatOf('other');
  }
  const kind = sniffText(decoded.text);
  const { mediaType, extension } = FILE_FORMATS[kind];
  return { kind, contentType: `${mediaType}; charset=${decoded.encoding}`, extension };
}

function formatOf(kind: FileKind): FileFormat {
  const { mediaType, extension } = FILE_FORMATS[kind];
  return { kind, contentType: mediaType, extension };
}

/** Sniffs the bytes as the parser does (magic numbers, then the decoded text's start). */
export function fileFormatOf(bytes: Uint8Array): FileFormat {
  const binary = sniffBinary(bytes);
  if (binary === 'docx' || binary === 'pdf') return formatOf(binary);
  if (binary !== 'text') return formatOf('other');
  return textFormat(bytes);
}
