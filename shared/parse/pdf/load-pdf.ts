/**
 * Opens a PDF with pdf.js and returns its positioned text, under budgets: decoded stream bytes and path
 * operators before pdf.js sees the file, pages, and text items per page and per file while the text
 * streams in (a page of a million items is refused at its ten-thousandth, not after). Any failure to open or read it is one
 * MALFORMED_DOCUMENT error with a message the filer can act on; pdf.js internals never leak out.
 */
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { ReportParseError } from '../../errors.ts';
import { megabytes } from '../megabytes.ts';
import { documentTooComplex } from '../too-complex.ts';
import { markClippedFigures } from './clipped-figures.ts';
import { FONTLESS_DOCUMENT, installToBase64 } from './font-stand-in.ts';
import { MAX_RULED_PAGES, readPageDrawing } from './page-rules.ts';
import { isPdf } from './pdf-signature.ts';
import { checkPdfStreams, STREAM_LIMITS, StreamBudgetError } from './stream-budget.ts';
import type { Rule } from './table-rules.ts';
import { type PageFrame, piecesOfPage, type RawTextItem, type TextPiece } from './text-pieces.ts';

/** Annual reports run to a few dozen pages; more is not a report (and bounds the work). */
const MAX_PAGES = 300;
/** A dense report page has about 300 text items (one per run of text, some per glyph). */
export const MAX_ITEMS_PER_PAGE = 10_000;
/** About 800 for a real report; this leaves room for long ones while bounding the layout's work. */
export const MAX_ITEMS = 60_000;

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocumentProxy>>['getPage']>>;
/** Space left between pages in document coordinates, so nothing on two pages ever overlaps. */
const PAGE_GAP = 1000;

export interface PdfText {
  readonly pieces: readonly TextPiece[];
  /** The table lines of the pages that hold figures. */
  readonly rules: readonly Rule[];
  readonly pageCount: number;
}

/**
 * Loads and compiles pdf.js (a module of megabytes that unpdf imports on first use), so that a reader
 * process started ahead of its files spends none of a file's deadline on it.
 */
export async function preparePdfReading(): Promise<void> {
  installToBase64();
  await getResolvedPDFJS();
}

/**
 * Opens the PDF and reads its text; then the drawing (table lines, content clip) of the pages `drawnPages`
 * picks from that text, the pages that hold tables: drawing a page costs as much as reading its text.
 */
export async function loadPdfPieces(
  bytes: Uint8Array,
  drawnPages: (pieces: readonly TextPiece[]) => ReadonlySet<number> = () => new Set(),
): Promise<PdfText> {
  assertLooksComplete(bytes);
  await checkPdfStreams(bytes).catch((cause: unknown) => {
    throw cause instanceof StreamBudgetError ? streamRefusal(cause) : cause;
  });
  installToBase64();
  // pdf.js takes ownership of (and detaches) the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), {
    isEvalSupported: false,
    useSystemFonts: false,
    // Fonts "load" into a style sheet that drops them, so that no glyph is compiled (font-stand-in.ts).
    disableFontFace: false,
    ownerDocument: FONTLESS_DOCUMENT,
    // Drawing a page for its table lines never needs its pictures (a seal, a scan): none is decoded.
    maxImageSize: 0,
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
    const pieces: TextPiece[][] = [];
    const frames: PageFrame[] = [];
    let offset = 0;
    let itemsLeft = MAX_ITEMS;
    for (let page = 1; page <= pdf.numPages; page++) {
      const proxy = await pdf.getPage(page);
      const { height } = proxy.getViewport({ scale: 1 });
      const items = await textItemsOf(proxy, Math.min(MAX_ITEMS_PER_PAGE, itemsLeft));
      itemsLeft -= items.length;
      const frame: PageFrame = { page, offset, height };
      const pagePieces = piecesOfPage(items, frame);
      pieces.push(pagePieces);
      frames.push(frame);
      offset += height + PAGE_GAP;
    }
    const rules: Rule[] = [];
    const drawn = drawnPages(pieces.flat());
    for (const frame of frames.filter((f) => drawn.has(f.page)).slice(0, MAX_RULED_PAGES)) {
      const drawing = await readPageDrawing(await pdf.getPage(frame.page), frame);
      rules.push(...drawing.rules);
      const index = frame.page - 1;
      pieces[index] = markClippedFigures(pieces[index] ?? [], drawing.clip);
    }
    return { pieces: pieces.flat(), rules, pageCount: pdf.numPages };
  } catch (cause) {
    throw cause instanceof ReportParseError ? cause : malformed(cause);
  } finally {
    await pdf.destroy();
  }
}

/** The page's text items, streamed so that reading stops as soon as there are more than `limit`. */
async function textItemsOf(page: PdfPage, limit: number): Promise<RawTextItem[]> {
  const reader = (page.streamTextContent() as ReadableStream<{ items: unknown[] }>).getReader();
  const items: RawTextItem[] = [];
  let count = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    count += chunk.value.items.length;
    if (count > limit) {
      await reader.cancel(new Error('text item budget'));
      throw documentTooComplex({
        zh: `PDF 文件的文字片段过多（超过每页 ${MAX_ITEMS_PER_PAGE} 个或全文 ${MAX_ITEMS} 个）。`,
        en: `The PDF has too many text items (over ${MAX_ITEMS_PER_PAGE} a page or ${MAX_ITEMS} in all).`,
      });
    }
    for (const item of chunk.value.items) if (isTextItem(item)) items.push(item);
  }
  return items;
}

function isTextItem(item: unknown): item is RawTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** A PDF ends with "%%EOF"; a cut-off upload does not, and pdf.js would silently read what is left. */
function assertLooksComplete(bytes: Uint8Array): void {
  if (!isPdf(bytes)) throw malformed(new Error('missing %PDF- header'));
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.byteLength - 4096)));
  if (!tail.includes('%%EOF')) throw malformed(new Error('missing %%EOF'));
}

/** What a stream budget found, in the filer's terms. */
function streamRefusal(cause: StreamBudgetError): ReportParseError {
  const { count, limit } = cause;
  switch (cause.exceeded) {
    case 'decodedBytes': {
      const mib = megabytes(STREAM_LIMITS.decodedBytes);
      return new ReportParseError(
        'INPUT_TOO_LARGE',
        {
          zh: `PDF 文件中的压缩数据解压后超过 ${mib} MB，不是一份年度报告的正常内容。`,
          en: `The PDF's compressed streams expand beyond ${mib} MiB, far beyond a real report.`,
        },
        { cause },
      );
    }
    case 'pathOperatorsPerStream':
      return documentTooComplex(
        {
          zh: `PDF 文件中一页（或一个图形）的内容有 ${count} 个画线、填充指令，超过每页 ${limit} 个的上限（年度报告的表格页只有一两千个）。`,
          en: `One page (or drawing) of the PDF holds ${count} path drawing operators, over the limit of ${limit} a page (a report's table page has one or two thousand).`,
        },
        cause,
      );
    case 'pathOperators':
      return documentTooComplex(
        {
          zh: `PDF 文件的画线、填充指令（重复使用的图形按每次使用计）多达 ${count} 个，超过全文 ${limit} 个的上限（一份年度报告约一万个）。`,
          en: `The PDF draws ${count} path operators in all (a drawing reused counted at each use), over the limit of ${limit} (a report has about ten thousand).`,
        },
        cause,
      );
  }
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
