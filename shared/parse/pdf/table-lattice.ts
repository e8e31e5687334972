/**
 * Rules → ruled tables. A table is a set of horizontal and vertical rules that cross or touch one
 * another; its row bands lie between its horizontal rules and its columns between its vertical ones.
 * Two neighbouring slots of the lattice belong to one (merged) cell when no rule separates them, which
 * is how a group label spanning rows ("三、本年度办理结果") or a header spanning columns ("行政诉讼") is
 * told apart from its neighbours without looking at any text.
 */
import type { Rule } from './table-rules.ts';

/** Rules closer than this (points) are one line: producers draw a shared cell edge twice, a point apart. */
const SAME_LINE = 2.5;
/** How far apart (points) two rules may end and still be said to touch. */
const REACH = 3;

export interface Lattice {
  readonly page: number;
  /** Horizontal line positions, top to bottom: row band r lies between ys[r] and ys[r + 1]. */
  readonly ys: readonly number[];
  /** Vertical line positions, left to right: column c lies between xs[c] and xs[c + 1]. */
  readonly xs: readonly number[];
  /** `cellOf[r][c]`: the merged cell slot (r, c) belongs to, numbered in reading order. */
  readonly cellOf: readonly (readonly number[])[];
}

/**
 * The ruled tables of one page's rules, top to bottom. A single row of cells is one (the last row of a table
 * the page break cut off); a single column is a frame around text, not a table.
 */
export function latticesOf(rules: readonly Rule[]): Lattice[] {
  const lattices: Lattice[] = [];
  for (const group of connectedRules(joinCollinear(rules))) {
    const lattice = latticeOf(group);
    if (lattice && lattice.ys.length >= 2 && lattice.xs.length >= 3) lattices.push(lattice);
  }
  return lattices.sort((a, b) => (a.ys[0] ?? 0) - (b.ys[0] ?? 0));
}

/**
 * Rules drawn one cell edge at a time (Chromium) joined into whole lines, so that a line along the top
 * of several cells crossing no vertical rule still belongs to its table.
 */
export function joinCollinear(rules: readonly Rule[]): Rule[] {
  const lines: Rule[] = [];
  for (const axis of ['h', 'v'] as const) {
    const sorted = rules.filter((r) => r.axis === axis).sort((a, b) => a.at - b.at);
    const clusters: Rule[][] = [];
    for (const rule of sorted) {
      const last = clusters.at(-1);
      if (last && rule.at - (last.at(-1) as Rule).at <= SAME_LINE) last.push(rule);
      else clusters.push([rule]);
    }
    for (const cluster of clusters) {
      let line: Rule | undefined;
      for (const rule of cluster.sort((a, b) => a.from - b.from)) {
        if (line && rule.from <= line.to + REACH) line = { ...line, to: Math.max(line.to, rule.to) };
        else {
          if (line) lines.push(line);
          line = rule;
        }
      }
      if (line) lines.push(line);
    }
  }
  return lines;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - REACH && v.at <= h.to + REACH && h.at >= v.from - REACH && h.at <= v.to + REACH;
}

/** Rules that cross or touch, transitively: one group per table. */
function connectedRules(rules: readonly Rule[]): Rule[][] {
  const union = new SlotUnion(rules.length);
  const hs = rules.flatMap((r, i) => (r.axis === 'h' ? [i] : []));
  const vs = rules.flatMap((r, i) => (r.axis === 'v' ? [i] : []));
  for (const h of hs) {
    for (const v of vs) {
      if (touches(rules[h] as Rule, rules[v] as Rule)) union.join(h, v);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, i) => {
    const root = union.find(i);
    const group = groups.get(root);
    if (group) group.push(rule);
    else groups.set(root, [rule]);
  });
  return [...groups.values()];
}

/** The farthest extent of the rules along their axis, at both ends. */
function outerEnds(rules: readonly Rule[]): number[] {
  if (rules.length === 0) return [];
  return [Math.min(...rules.map((r) => r.from)), Math.max(...rules.map((r) => r.to))];
}

/** Positions closer than `SAME_LINE` merged into one (their mean). */
function linePositions(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters.at(-1);
    if (last && v - (last.at(-1) as number) <= SAME_LINE) last.push(v);
    else clusters.push([v]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

function latticeOf(rules: readonly Rule[]): Lattice | null {
  const page = rules[0]?.page;
  if (page === undefined) return null;
  const hs = rules.filter((r) => r.axis === 'h');
  const vs = rules.filter((r) => r.axis === 'v');
  // A border can be missing where the rules of the other axis still reach (Chromium leaves out the edge of
  // a table wider than the printed area, clipped away): the table's edge is where those rules end.
  const ys = linePositions([...hs.map((r) => r.at), ...outerEnds(vs)]);
  const xs = linePositions([...vs.map((r) => r.at), ...outerEnds(hs)]);
  const ruled = (axis: Rule['axis'], at: number, from: number, to: number) => {
    const middle = (from + to) / 2;
    return rules.some(
      (r) => r.axis === axis && Math.abs(r.at - at) <= SAME_LINE && r.from <= middle + 0.5 && r.to >= middle - 0.5,
    );
  };
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const slots = new SlotUnion(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const [top, bottom, left, right] = [ys[r], ys[r + 1], xs[c], xs[c + 1]] as number[] as [
        number,
        number,
        number,
        number,
      ];
      if (c + 1 < columns && !ruled('v', right, top, bottom)) slots.join(r * columns + c, r * columns + c + 1);
      if (r + 1 < rows && !ruled('h', bottom, left, right)) slots.join(r * columns + c, (r + 1) * columns + c);
    }
  }
  const numbers = new Map<number, number>();
  const cellOf = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const root = slots.find(r * columns + c);
      const known = numbers.get(root);
      if (known !== undefined) return known;
      numbers.set(root, numbers.size);
      return numbers.size - 1;
    }),
  );
  return { page, ys, xs, cellOf };
}

/** Disjoint sets of numbered items (lattice slots, rules), each set named by its smallest member. */
class SlotUnion {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    this.parent[i] = root;
    return root;
  }
  join(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    // The smaller slot (the upper-left one) stays the root, so a cell is numbered where it starts.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
