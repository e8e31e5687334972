import { describe, expect, it } from 'vitest';
import { markClippedFigures } from '#shared/parse/pdf/clipped-figures.ts';
import { drawingOfPage, type OperatorList, type PathOperators } from '#shared/parse/pdf/table-rules.ts';
import { run } from './ruled-geometry.ts';

/** pdf.js's operator codes (`OPS`). */
const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  fill: 22,
  endPath: 28,
  clip: 29,
  eoClip: 30,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;

const CODES: PathOperators = {
  constructPath: OPS.constructPath,
  save: OPS.save,
  restore: OPS.restore,
  transform: OPS.transform,
  paintFormXObjectBegin: OPS.paintFormXObjectBegin,
  paintFormXObjectEnd: OPS.paintFormXObjectEnd,
  setStrokeRGBColor: OPS.setStrokeRGBColor,
  setFillRGBColor: OPS.setFillRGBColor,
  clips: new Set([OPS.clip, OPS.eoClip]),
  strokes: new Set([OPS.stroke]),
  fills: new Set([OPS.fill]),
};

const FRAME = { page: 1, offset: 0, height: 800 };
const [MOVE, LINE, CURVE, CLOSE] = [0, 1, 2, 4];

function rect(x: number, y: number, w: number, h: number): number[] {
  return [MOVE, x, y, LINE, x + w, y, LINE, x + w, y + h, LINE, x, y + h, CLOSE];
}

function ops(...list: [number, unknown][]): OperatorList {
  return { fnArray: list.map(([fn]) => fn), argsArray: list.map(([, args]) => args) };
}

const path = (paint: number, data: number[]): [number, unknown] => [
  OPS.constructPath,
  [paint, [new Float32Array(data)], null],
];

describe('table lines from the operator list', () => {
  it('reads stroked lines in document coordinates, y growing downwards', () => {
    const { rules } = drawingOfPage(
      ops(path(OPS.stroke, [MOVE, 50, 700, LINE, 300, 700, MOVE, 50, 700, LINE, 50, 600])),
      CODES,
      FRAME,
    );
    expect(rules).toEqual([
      { page: 1, axis: 'h', at: 100, from: 50, to: 300 },
      { page: 1, axis: 'v', at: 50, from: 100, to: 200 },
    ]);
  });

  it('reads a thin filled rectangle as a line and leaves out shading, curves, slants and white lines', () => {
    const { rules } = drawingOfPage(
      ops(
        path(OPS.fill, rect(50, 699.5, 250, 1)),
        path(OPS.fill, rect(50, 400, 250, 40)),
        path(OPS.stroke, [MOVE, 50, 300, CURVE, 60, 300, 70, 300, 80, 300]),
        path(OPS.stroke, [MOVE, 50, 300, LINE, 150, 250]),
        [OPS.setStrokeRGBColor, ['#FFFFFF']],
        path(OPS.stroke, [MOVE, 50, 200, LINE, 300, 200]),
        path(OPS.endPath, rect(0, 0, 10, 500)),
      ),
      CODES,
      FRAME,
    );
    expect(rules).toEqual([{ page: 1, axis: 'h', at: 100, from: 50, to: 300 }]);
  });

  it('applies the transformation in force, and restores it', () => {
    const { rules } = drawingOfPage(
      ops(
        [OPS.save, null],
        [OPS.transform, [0.5, 0, 0, -0.5, 0, 800]],
        path(OPS.stroke, [MOVE, 100, 200, LINE, 500, 200]),
        [OPS.restore, null],
        path(OPS.stroke, [MOVE, 100, 200, LINE, 500, 200]),
      ),
      CODES,
      FRAME,
    );
    expect(rules).toEqual([
      { page: 1, axis: 'h', at: 100, from: 50, to: 250 },
      { page: 1, axis: 'h', at: 600, from: 100, to: 500 },
    ]);
  });

  it("finds the page's content clip, not a single cell's", () => {
    const drawing = drawingOfPage(
      ops(
        [OPS.eoClip, null],
        path(OPS.endPath, rect(60, 60, 420, 680)),
        [OPS.clip, null],
        path(OPS.endPath, rect(60, 60, 40, 20)),
      ),
      CODES,
      FRAME,
    );
    expect(drawing.clip).toEqual({ left: 60, right: 480, top: 60, bottom: 740 });
  });
});

describe('figures cut by the page clip', () => {
  const clip = { left: 60, right: 480, top: 60, bottom: 740 };

  it('marks a figure that reaches the clip edge, and nothing else', () => {
    const cut = { ...run(1, 466, 100, '153'), right: 480.5 };
    const whole = { ...run(1, 440, 120, '1533'), right: 478 };
    const label = { ...run(1, 400, 140, '总计'), right: 480 };
    expect(markClippedFigures([cut, whole, label], clip).map((p) => p.text)).toEqual(['153…', '1533', '总计']);
  });
});
