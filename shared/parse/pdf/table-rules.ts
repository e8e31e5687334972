/**
 * Table lines (vector rules) of a PDF page, read from pdf.js's operator list. Producers draw a table's
 * borders in one of three ways: stroked lines (LibreOffice, WPS), stroked cell rectangles, or thin
 * filled rectangles, one per cell edge (Chromium's print to PDF). Each becomes a horizontal or vertical
 * rule in the document coordinates of `text-pieces.ts`. Clip paths, curves, slanted lines (the slash of
 * a header cell) and filled areas (cell shading) are not rules.
 */
import type { PageFrame } from './text-pieces.ts';

export interface Rule {
  readonly page: number;
  readonly axis: 'h' | 'v';
  /** y of a horizontal rule, x of a vertical one (document coordinates, y growing downwards). */
  readonly at: number;
  /** The rule's extent along its axis: x range of a horizontal rule, y range of a vertical one. */
  readonly from: number;
  readonly to: number;
}

/** The part of a pdf.js operator list the rules are read from. */
export interface OperatorList {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}

/** pdf.js operator codes (`OPS`), passed in so that this module stays free of pdf.js. */
export interface PathOperators {
  readonly constructPath: number;
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly setStrokeRGBColor: number;
  readonly setFillRGBColor: number;
  /** `clip` and `eoClip`: the path that follows bounds what is drawn after it. */
  readonly clips: ReadonlySet<number>;
  /** Painting operators that stroke the path. */
  readonly strokes: ReadonlySet<number>;
  /** Painting operators that fill the path (and do not stroke it). */
  readonly fills: ReadonlySet<number>;
}

/** pdf.js's path drawing codes inside a constructPath's data. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A filled rectangle at most this thick (points) is a drawn line; thicker ones are shading. */
const MAX_RULE_THICKNESS = 2.5;
/** Shorter strokes are marks (a bullet, an underscore of a glyph), not table lines. */
const MIN_RULE_LENGTH = 3;
/** How far from exactly level a line may be (points) and still be a rule. */
const SLANT = 0.5;
/**
 * A table page has a few hundred rules at most (one per cell edge); beyond this the page's drawing is
 * not a table of a report, and reading its rules would only cost time.
 */
export const MAX_RULES_PER_PAGE = 5000;

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // Applies m first, then n (PDF's `cm` prepends: CTM' = m × CTM).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function asMatrix(value: unknown): Matrix | null {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const m = Array.from(value as ArrayLike<unknown>);
  if (m.length !== 6 || !m.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  return m as unknown as Matrix;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle in document coordinates. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface PageDrawing {
  /** The rules drawn on the page; none when it draws more than `MAX_RULES_PER_PAGE`. */
  readonly rules: readonly Rule[];
  /** Where the page's content is clipped (a printed page's margins), or null. */
  readonly clip: Box | null;
}

/**
 * A clip path this large (a share of the page's height, both ways) bounds the page's content; smaller ones
 * clip a single cell or picture.
 */
const PAGE_CLIP_SHARE = 0.3;

export function drawingOfPage(ops: OperatorList, codes: PathOperators, frame: PageFrame): PageDrawing {
  const rules: Rule[] = [];
  let clip: Box | null = null;
  let clipping = false;
  const stack: { ctm: Matrix; stroke: string; fill: string }[] = [];
  let state = { ctm: IDENTITY, stroke: '', fill: '' };
  const toDocument = (x: number, y: number): Point => {
    const [a, b, c, d, e, f] = state.ctm;
    return { x: a * x + c * y + e, y: frame.offset + frame.height - (b * x + d * y + f) };
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === codes.save) stack.push(state);
    else if (fn === codes.restore) state = stack.pop() ?? state;
    else if (fn === codes.transform) {
      const m = asMatrix(args);
      if (m) state = { ...state, ctm: multiply(m, state.ctm) };
    } else if (fn === codes.paintFormXObjectBegin) {
      stack.push(state);
      const m = asMatrix(Array.isArray(args) ? args[0] : null);
      if (m) state = { ...state, ctm: multiply(m, state.ctm) };
    } else if (fn === codes.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === codes.setStrokeRGBColor) state = { ...state, stroke: colorOf(args) };
    else if (fn === codes.setFillRGBColor) state = { ...state, fill: colorOf(args) };
    else if (codes.clips.has(fn ?? -1)) clipping = true;
    else if (fn === codes.constructPath && Array.isArray(args)) {
      const [paint, data] = args as [unknown, unknown];
      if (clipping) {
        clipping = false;
        const box = boxOf(subpathsOf(data, toDocument));
        if (box && Math.min(box.right - box.left, box.bottom - box.top) >= PAGE_CLIP_SHARE * frame.height) {
          clip = clip ? intersect(clip, box) : box;
        }
      }
      const stroked = typeof paint === 'number' && codes.strokes.has(paint);
      const filled = typeof paint === 'number' && codes.fills.has(paint);
      if (!(stroked || filled) || isWhite(stroked ? state.stroke : state.fill)) continue;
      for (const path of subpathsOf(data, toDocument)) {
        rules.push(...(stroked ? strokedRules(path, frame.page) : filledRule(path, frame.page)));
        if (rules.length > MAX_RULES_PER_PAGE) return { rules: [], clip };
      }
    }
  }
  return { rules, clip };
}

function boxOf(paths: Iterable<readonly Point[]>): Box | null {
  let box: Box | null = null;
  for (const path of paths) {
    for (const p of path) {
      box = box
        ? {
            left: Math.min(box.left, p.x),
            right: Math.max(box.right, p.x),
            top: Math.min(box.top, p.y),
            bottom: Math.max(box.bottom, p.y),
          }
        : { left: p.x, right: p.x, top: p.y, bottom: p.y };
    }
  }
  return box;
}

function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    right: Math.min(a.right, b.right),
    top: Math.max(a.top, b.top),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

function colorOf(args: unknown): string {
  const [color] = Array.isArray(args) ? args : [];
  return typeof color === 'string' ? color.toLowerCase() : '';
}

/** White lines are invisible on paper: a producer's way of hiding a border. */
function isWhite(color: string): boolean {
  return color === '#ffffff';
}

/**
 * Each subpath as its corner points, one at a time (a path may hold a million); a subpath with a curve is
 * dropped (no table line is curved).
 */
function* subpathsOf(data: unknown, toDocument: (x: number, y: number) => Point): Generator<Point[]> {
  const buffers = Array.isArray(data) ? data : [data];
  for (const buffer of buffers) {
    if (!ArrayBuffer.isView(buffer) && !Array.isArray(buffer)) continue;
    const d = buffer as ArrayLike<number>;
    let current: Point[] | null = null;
    let curved = false;
    for (let k = 0; k < d.length; ) {
      const op = d[k];
      if (op === MOVE_TO || op === LINE_TO) {
        const point = toDocument(d[k + 1] ?? 0, d[k + 2] ?? 0);
        if (op === MOVE_TO) {
          if (current && current.length > 1 && !curved) yield current;
          [current, curved] = [null, false];
        }
        current = current ?? [];
        current.push(point);
        k += 3;
      } else if (op === CURVE_TO) {
        curved = true;
        k += 7;
      } else if (op === QUADRATIC_CURVE_TO) {
        curved = true;
        k += 5;
      } else if (op === CLOSE_PATH) {
        const first = current?.[0];
        if (current && first) current.push(first);
        if (current && current.length > 1 && !curved) yield current;
        [current, curved] = [null, false];
        k += 1;
      } else break;
    }
    if (current && current.length > 1 && !curved) yield current;
  }
}

function ruleBetween(a: Point, b: Point, page: number): Rule | null {
  const dx = Math.abs(a.x - b.x);
  const dy = Math.abs(a.y - b.y);
  if (dy <= SLANT && dx >= MIN_RULE_LENGTH) {
    return { page, axis: 'h', at: (a.y + b.y) / 2, from: Math.min(a.x, b.x), to: Math.max(a.x, b.x) };
  }
  if (dx <= SLANT && dy >= MIN_RULE_LENGTH) {
    return { page, axis: 'v', at: (a.x + b.x) / 2, from: Math.min(a.y, b.y), to: Math.max(a.y, b.y) };
  }
  return null;
}

function strokedRules(path: readonly Point[], page: number): Rule[] {
  const rules: Rule[] = [];
  for (let i = 1; i < path.length; i++) {
    const rule = ruleBetween(path[i - 1] as Point, path[i] as Point, page);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** A thin filled rectangle is a line along its long side; any other filled shape is not a rule. */
function filledRule(path: readonly Point[], page: number): Rule[] {
  const xs = path.map((p) => p.x);
  const ys = path.map((p) => p.y);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = right - left;
  const height = bottom - top;
  const axisAligned = path.every((p, i) => {
    const q = path[i - 1];
    return !q || Math.abs(p.x - q.x) <= SLANT || Math.abs(p.y - q.y) <= SLANT;
  });
  if (!axisAligned) return [];
  if (height <= MAX_RULE_THICKNESS && width >= MIN_RULE_LENGTH && width > height) {
    return [{ page, axis: 'h', at: (top + bottom) / 2, from: left, to: right }];
  }
  if (width <= MAX_RULE_THICKNESS && height >= MIN_RULE_LENGTH && height > width) {
    return [{ page, axis: 'v', at: (left + right) / 2, from: top, to: bottom }];
  }
  return [];
}
