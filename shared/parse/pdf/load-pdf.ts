/**
 * Opens a PDF with pdf.js and returns its positioned text. Any failure to open or read it is one
 * MALFORMED_DOCUMENT error with a message the filer can act on; pdf.js internals never leak out.
 */
import { getDocumentProxy } from 'unpdf';
import { ReportParseError } from '../../errors.ts';
import { isPdf } from './pdf-signature.ts';
import { type PageFrame, piecesOfPage, type RawTextItem, type TextPiece } from './text-pieces.ts';

/** Annual reports run to a few dozen pages; more is not a report (and bounds the work). */
const MAX_PAGES = 300;
/** Space left between pages in document coordinates, so nothing on two pages ever overlaps. */
const PAGE_GAP = 1000;

export interface PdfText {
  readonly pieces: readonly TextPiece[];
  readonly pageCount: number;
}

export async function loadPdfPieces(bytes: Uint8Array): Promise<PdfText> {
  assertLooksComplete(bytes);
  // pdf.js takes ownership of (and detaches) the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), {
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).catch((cause: unknown) => {
    throw malformed(cause);
  });
  try {
    if (pdf.numPages > MAX_PAGES) {
      throw new ReportParseError('INPUT_TOO_LARGE', {
        zh: `PDF 文件有 ${pdf.numPages} 页，超过 ${MAX_PAGES} 页的上限。`,
        en: `The PDF has ${pdf.numPages} pages, more than the limit of ${MAX_PAGES}.`,
      });
    }
    const pieces: TextPiece[] = [];
    let offset = 0;
    for (let page = 1; page <= pdf.numPages; page++) {
      const proxy = await pdf.getPage(page);
      const { height } = proxy.getViewport({ scale: 1 });
      const content = await proxy.getTextContent();
      const items = content.items.filter((i): i is RawTextItem & typeof i => 'str' in i && 'transform' in i);
      const frame: PageFrame = { page, offset, height };
      pieces.push(...piecesOfPage(items, frame));
      offset += height + PAGE_GAP;
    }
    return { pieces, pageCount: pdf.numPages };
  } catch (cause) {
    throw cause instanceof ReportParseError ? cause : malformed(cause);
  } finally {
    await pdf.destroy();
  }
}

/** A PDF ends with "%%EOF"; a cut-off upload does not, and pdf.js would silently read what is left. */
function assertLooksComplete(bytes: Uint8Array): void {
  if (!isPdf(bytes)) throw malformed(new Error('missing %PDF- header'));
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.byteLength - 4096)));
  if (!tail.includes('%%EOF')) throw malformed(new Error('missing %%EOF'));
}

function malformed(cause: unknown): ReportParseError {
  const encrypted = cause instanceof Error && cause.name === 'PasswordException';
  return new ReportParseError(
    'MALFORMED_DOCUMENT',
    encrypted
      ? {
          zh: 'PDF 文件设置了打开密码，无法读取，请上传未加密的文件。',
          en: 'The PDF is password-protected; upload an unencrypted file.',
        }
      : {
          zh: 'PDF 文件已损坏或不完整，无法读取，请重新导出后上传。',
          en: 'The PDF is damaged or incomplete and cannot be read; export it again and upload the new file.',
        },
    { cause },
  );
}
