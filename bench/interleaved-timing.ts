/**
 * Timing several ways of doing the same work in one run: short batches of each, in turn, round after round,
 * so a GC pause lands on all of them alike. Time is the process's CPU time (every thread: the collector's,
 * a reader worker's), not the wall clock: on a shared machine the wall clock mostly measures the neighbours.
 * Work done in another process (the DOCX and PDF readers run in a child process) needs the wall clock.
 * Figures are medians over the rounds; ratios are the median of each round's ratio.
 */

/** Runs the work `n` times and returns a check of the results, called once the clock has stopped. */
export type Batch = (n: number) => (() => void) | Promise<() => void>;

export interface Medians {
  /** Microseconds per operation. */
  readonly micros: Readonly<Record<string, number>>;
  /** `ratios[a][b]`: how many times longer `a` takes than `b`. */
  readonly ratios: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly rounds: number;
}

/** A batch long enough that timer resolution and loop overhead stay out of the figure. */
const BATCH_MS = 15;
const MIN_ROUNDS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export type Clock = 'cpu' | 'wall';

async function timed(batch: Batch, n: number, clock: Clock): Promise<number> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const verify = await batch(n);
  const used = process.cpuUsage(cpu);
  const micros = clock === 'cpu' ? used.user + used.system : (performance.now() - wall) * 1000;
  verify();
  return micros / n;
}

/** Warms each batch up and finds how many operations fill a batch. */
async function sizeOf(batch: Batch, warmMs: number, clock: Clock): Promise<number> {
  let size = 1;
  const until = performance.now() + warmMs;
  do {
    const micros = await timed(batch, size, clock);
    size = Math.max(1, Math.ceil((BATCH_MS * 1000) / Math.max(micros, 0.01)));
  } while (performance.now() < until);
  return size;
}

export async function interleavedMedians(
  batches: Record<string, Batch>,
  budgetMs: number,
  clock: Clock = 'cpu',
): Promise<Medians> {
  const names = Object.keys(batches);
  const sizes: Record<string, number> = {};
  // Warming up takes as long as measuring: a reader's code is only fully optimised after a second or more.
  for (const name of names) sizes[name] = await sizeOf(batches[name] as Batch, budgetMs / names.length, clock);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const until = performance.now() + budgetMs;
  let rounds = 0;
  while (performance.now() < until || rounds < MIN_ROUNDS) {
    // Alternate the order, so no way always runs right after another's garbage.
    const order = rounds % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name]?.push(await timed(batches[name] as Batch, sizes[name] ?? 1, clock));
    rounds++;
  }
  const micros = Object.fromEntries(names.map((n) => [n, median(samples[n] ?? [])]));
  const ratios = Object.fromEntries(
    names.map((a) => [
      a,
      Object.fromEntries(
        names
          .filter((b) => b !== a)
          .map((b) => [b, median((samples[a] ?? []).map((x, i) => x / (samples[b]?.[i] ?? Number.NaN)))]),
      ),
    ]),
  );
  return { micros, ratios, rounds };
}
