/**
 * Reads the table lines (and the content clip) of a page through pdf.js's operator list.
 */
import { getResolvedPDFJS } from 'unpdf';
import { drawingOfPage, type PageDrawing, type PathOperators } from './table-rules.ts';
import type { PageFrame } from './text-pieces.ts';

/** More pages of tables than any report has; a longer document is read without its rules past these. */
export const MAX_RULED_PAGES = 40;

interface OperatorPage {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

let operators: PathOperators | undefined;

async function pathOperators(): Promise<PathOperators> {
  if (operators) return operators;
  const { OPS } = await getResolvedPDFJS();
  operators = {
    constructPath: OPS.constructPath,
    save: OPS.save,
    restore: OPS.restore,
    transform: OPS.transform,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd,
    setStrokeRGBColor: OPS.setStrokeRGBColor,
    setFillRGBColor: OPS.setFillRGBColor,
    clips: new Set([OPS.clip, OPS.eoClip]),
    strokes: new Set([
      OPS.stroke,
      OPS.closeStroke,
      OPS.fillStroke,
      OPS.eoFillStroke,
      OPS.closeFillStroke,
      OPS.closeEOFillStroke,
    ]),
    fills: new Set([OPS.fill, OPS.eoFill]),
  };
  return operators;
}

/** The rules and the content clip of one page. */
export async function readPageDrawing(page: OperatorPage, frame: PageFrame): Promise<PageDrawing> {
  installTransferToFixedLength();
  const codes = await pathOperators();
  return drawingOfPage(await page.getOperatorList(), codes, frame);
}

/**
 * pdf.js hands each font of a drawn page over with `ArrayBuffer.prototype.transferToFixedLength`, which
 * Node 20 lacks; without it the operator list stops at the first text and the rules drawn after it are
 * lost. A copy serves pdf.js as well as a transfer.
 */
function installTransferToFixedLength(): void {
  if ('transferToFixedLength' in ArrayBuffer.prototype) return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length: number = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}
