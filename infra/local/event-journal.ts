/**
 * The event bus's promise kept on disk: an event is written (and fsync'd) to an append-only journal
 * before PutEvents answers, each target's completion or dead letter is written after it, and a restart
 * hands back every accepted event that some target has not finished — so an accepted event is never
 * lost, as on EventBridge (at least once). The journal is one JSON record a line; a line torn by a
 * kill -9 can only be the last and is cut off. Settled records are dropped by compaction, which rewrites
 * the file atomically once it has grown past a bound.
 */
import { mkdir, open, readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.ts';
import type { BusEnvelope } from './event-envelopes.ts';

export const JOURNAL_FILE = 'journal.ndjson';
/** Compaction waits for this much appended text, so a busy bus rewrites the file rarely. */
const DEFAULT_COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

export interface DeadLetter {
  readonly fn: string;
  readonly event: BusEnvelope;
  readonly attempts: number;
  readonly error: string;
  readonly failedAt: string;
}

/** An accepted event and the targets that have not yet finished it. */
export interface UnfinishedEvent {
  readonly event: BusEnvelope;
  readonly targets: readonly string[];
}

type JournalRecord =
  | { readonly accepted: BusEnvelope; readonly targets: readonly string[] }
  | { readonly delivered: string; readonly fn: string }
  | { readonly dead: DeadLetter };

export interface EventJournal {
  /** What the journal held when opened: events to deliver again and the dead letters so far. */
  readonly recovered: { readonly unfinished: readonly UnfinishedEvent[]; readonly deadLetters: readonly DeadLetter[] };
  /** Resolves once the event and its targets are on disk. */
  accepted(event: BusEnvelope, targets: readonly string[]): Promise<void>;
  delivered(eventId: string, fn: string): Promise<void>;
  deadLettered(letter: DeadLetter): Promise<void>;
  close(): Promise<void>;
}

export interface EventJournalOptions {
  readonly compactAfterBytes?: number;
  readonly log?: (line: string) => void;
}

export async function openEventJournal(directory: string, options: EventJournalOptions = {}): Promise<EventJournal> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, JOURNAL_FILE);
  const log = options.log ?? (() => {});
  const compactAfter = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
  const state = await replay(path, log);
  const recovered = { unfinished: unfinishedOf(state), deadLetters: [...state.dead] };

  let file = await open(path, 'a');
  let journalBytes = state.bytes;
  let compactAt = compactAfter;
  let queue: { record: JournalRecord; done: () => void; failed: (error: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;

  // One write and one fsync for every record queued meanwhile: concurrent PutEvents share the cost.
  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const text = batch.map((entry) => `${JSON.stringify(entry.record)}\n`).join('');
      try {
        await file.write(text);
        await file.datasync();
        journalBytes += Buffer.byteLength(text);
        // Applied once written, so a compaction snapshot holds exactly what the file holds.
        for (const entry of batch) apply(state, entry.record);
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.failed(error);
      }
      if (journalBytes > compactAt) await compact();
    }
    flushing = undefined;
  };

  const compact = async (): Promise<void> => {
    const text = snapshotOf(state);
    try {
      await writeFileAtomic(path, text);
    } catch (error) {
      // The long journal is still whole and still appended to; compaction is tried again later.
      log(`event journal: compaction failed: ${error instanceof Error ? error.message : String(error)}`);
      compactAt = journalBytes + compactAfter;
      return;
    }
    const previous = file;
    file = await open(path, 'a');
    await previous.close();
    journalBytes = Buffer.byteLength(text);
    // Outstanding records alone may be large (many dead letters): never rewrite them on every append.
    compactAt = journalBytes + compactAfter;
  };

  const append = (record: JournalRecord): Promise<void> =>
    new Promise((done, failed) => {
      queue.push({ record, done, failed });
      flushing ??= flush();
    });

  // A journal grown by an earlier run is compacted before anything new is appended to it.
  if (journalBytes > compactAt) await compact();

  return {
    recovered,
    accepted: (event, targets) => append({ accepted: event, targets }),
    delivered: (eventId, fn) => append({ delivered: eventId, fn }),
    deadLettered: (letter) => append({ dead: letter }),
    async close() {
      await flushing;
      await file.close();
    },
  };
}

interface JournalState {
  /** Event id → the event and its unfinished targets, in acceptance order. */
  readonly open: Map<string, { event: BusEnvelope; targets: Set<string> }>;
  readonly dead: DeadLetter[];
  bytes: number;
}

function apply(state: JournalState, record: JournalRecord): void {
  if ('accepted' in record) {
    state.open.set(record.accepted.id, { event: record.accepted, targets: new Set(record.targets) });
    return;
  }
  const [id, fn] = 'delivered' in record ? [record.delivered, record.fn] : [record.dead.event.id, record.dead.fn];
  if ('dead' in record) state.dead.push(record.dead);
  const entry = state.open.get(id);
  if (!entry) return;
  entry.targets.delete(fn);
  if (entry.targets.size === 0) state.open.delete(id);
}

async function replay(path: string, log: (line: string) => void): Promise<JournalState> {
  const state: JournalState = { open: new Map(), dead: [], bytes: 0 };
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  // Everything after the last newline is a write cut short: it was never acknowledged, so drop it.
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length < text.length) {
    log(`event journal: dropped a torn last record (${text.length - complete.length} bytes)`);
    await truncate(path, Buffer.byteLength(complete));
  }
  let unreadable = 0;
  for (const line of complete.split('\n')) {
    if (line === '') continue;
    const record = parseRecord(line);
    if (record) apply(state, record);
    else unreadable += 1;
  }
  if (unreadable > 0) log(`event journal: skipped ${unreadable} unreadable record(s)`);
  state.bytes = (await stat(path).catch(() => ({ size: 0 }))).size;
  return state;
}

function parseRecord(line: string): JournalRecord | undefined {
  try {
    const value = JSON.parse(line) as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null) return undefined;
    if (isEnvelope(value.accepted) && isStrings(value.targets)) return value as JournalRecord;
    if (typeof value.delivered === 'string' && typeof value.fn === 'string') return value as JournalRecord;
    const dead = value.dead as Record<string, unknown> | undefined;
    if (dead && typeof dead.fn === 'string' && isEnvelope(dead.event)) return value as JournalRecord;
    return undefined;
  } catch {
    return undefined;
  }
}

const isEnvelope = (value: unknown): value is BusEnvelope =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function unfinishedOf(state: JournalState): UnfinishedEvent[] {
  return [...state.open.values()].map(({ event, targets }) => ({ event, targets: [...targets] }));
}

/** The records that still matter: unfinished events (with only their unfinished targets) and dead letters. */
function snapshotOf(state: JournalState): string {
  const records: JournalRecord[] = [
    ...unfinishedOf(state).map(({ event, targets }) => ({ accepted: event, targets })),
    ...state.dead.map((dead) => ({ dead })),
  ];
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}
