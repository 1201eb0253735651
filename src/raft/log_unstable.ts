// The unstable tail of the raft log: entries and possibly a snapshot that
// have not been persisted to Storage yet (port of log_unstable.go and the
// entry identifiers of types.go).
import type { Entry, Snapshot } from '../raftpb/types.js';
import { sprintf } from '../util/gofmt.js';
import type { Logger } from './logger.js';
import { sizeLimitedEnd } from './storage.js';

/** The (term, index) identity of a log entry. */
export interface EntryID {
  term: number;
  index: number;
}

export function pbEntryID(e: Entry): EntryID {
  return { term: e.term, index: e.index };
}

/** Go's %+v of an entryID. */
export function entryIDString(id: EntryID): string {
  return `{term:${id.term} index:${id.index}}`;
}

/**
 * A contiguous run of entries following prev, as sent by the leader of term
 * `term` (Go's logSlice).
 */
export interface LogSlice {
  term: number;
  prev: EntryID;
  entries: Entry[];
}

export function logSliceLastIndex(s: LogSlice): number {
  return s.prev.index + s.entries.length;
}

export function logSliceLastEntryID(s: LogSlice): EntryID {
  const ln = s.entries.length;
  if (ln !== 0) return pbEntryID(s.entries[ln - 1]!);
  return s.prev;
}

/** null if the slice is well-formed, else an Error like Go's. */
export function logSliceValid(s: LogSlice): Error | null {
  let prev = s.prev;
  for (const e of s.entries) {
    const id = pbEntryID(e);
    if (id.term < prev.term || id.index !== prev.index + 1) {
      return new Error(sprintf('leader term %d: entries %s and %s not consistent', s.term, entryIDString(prev), entryIDString(id)));
    }
    prev = id;
  }
  if (s.term < prev.term) {
    return new Error(sprintf('leader term %d: entry %s has a newer term', s.term, entryIDString(prev)));
  }
  return null;
}

export interface UnstableInit {
  snapshot?: Snapshot;
  entries?: Entry[];
  offset?: number;
  snapshotInProgress?: boolean;
  offsetInProgress?: number;
  logger: Logger;
}

/**
 * entries[k] holds log index offset+k. The array is owned here and
 * never handed out: every accessor returns a copy, so it can be mutated in
 * place (push, truncate) where Go reslices.
 */
export class Unstable {
  snapshot: Snapshot | undefined;
  entries: Entry[];
  offset: number;
  snapshotInProgress: boolean;
  offsetInProgress: number;
  logger: Logger;

  constructor(init: UnstableInit) {
    this.snapshot = init.snapshot;
    this.entries = init.entries ?? [];
    this.offset = init.offset ?? 0;
    this.snapshotInProgress = init.snapshotInProgress ?? false;
    this.offsetInProgress = init.offsetInProgress ?? 0;
    this.logger = init.logger;
  }

  /** The first index if there is a snapshot, else undefined. */
  maybeFirstIndex(): number | undefined {
    if (this.snapshot !== undefined) return this.snapshot.metadata.index + 1;
    return undefined;
  }

  /** The last index of the unstable entries or snapshot, else undefined. */
  maybeLastIndex(): number | undefined {
    const l = this.entries.length;
    if (l !== 0) return this.offset + l - 1;
    if (this.snapshot !== undefined) return this.snapshot.metadata.index;
    return undefined;
  }

  /** The term of entry i if the unstable part knows it, else undefined. */
  maybeTerm(i: number): number | undefined {
    if (i < this.offset) {
      if (this.snapshot !== undefined && this.snapshot.metadata.index === i) return this.snapshot.metadata.term;
      return undefined;
    }
    const last = this.maybeLastIndex();
    if (last === undefined) return undefined;
    if (i > last) return undefined;
    return this.entries[i - this.offset]!.term;
  }

  /** Entries not yet handed out for writing to storage. */
  nextEntries(): Entry[] {
    const inProgress = this.offsetInProgress - this.offset;
    if (this.entries.length === inProgress) return [];
    return this.entries.slice(inProgress);
  }

  hasNextEntries(): boolean {
    return this.entries.length !== this.offsetInProgress - this.offset;
  }

  /** The snapshot if it has not been handed out for writing yet. */
  nextSnapshot(): Snapshot | undefined {
    if (this.snapshot === undefined || this.snapshotInProgress) return undefined;
    return this.snapshot;
  }

  /** Marks everything currently unstable as being written to storage. */
  acceptInProgress(): void {
    if (this.entries.length > 0) {
      this.offsetInProgress = this.entries[this.entries.length - 1]!.index + 1;
    }
    if (this.snapshot !== undefined) this.snapshotInProgress = true;
  }

  /** Drops entries up to id, which storage has persisted, if still current. */
  stableTo(id: EntryID): void {
    const gt = this.maybeTerm(id.index);
    if (gt === undefined) {
      // Not in the unstable log (any more): nothing to mark stable.
      this.logger.infof('entry at index %d missing from unstable log; ignoring', id.index);
      return;
    }
    if (id.index < this.offset) {
      // The index belongs to the pending snapshot, not to an entry.
      this.logger.infof('entry at index %d matched unstable snapshot; ignoring', id.index);
      return;
    }
    if (gt !== id.term) {
      // The entry was overwritten since the write was issued: stale ack.
      this.logger.infof(
        'entry at (index,term)=(%d,%d) mismatched with ' + 'entry at (%d,%d) in unstable log; ignoring',
        id.index,
        id.term,
        id.index,
        gt,
      );
      return;
    }
    const num = id.index + 1 - this.offset;
    this.entries.splice(0, num);
    this.offset = id.index + 1;
    this.offsetInProgress = Math.max(this.offsetInProgress, this.offset);
  }

  stableSnapTo(i: number): void {
    if (this.snapshot !== undefined && this.snapshot.metadata.index === i) {
      this.snapshot = undefined;
      this.snapshotInProgress = false;
    }
  }

  restore(s: Snapshot): void {
    this.offset = s.metadata.index + 1;
    this.offsetInProgress = this.offset;
    this.entries = [];
    this.snapshot = s;
    this.snapshotInProgress = false;
  }

  truncateAndAppend(ents: readonly Entry[]): void {
    const fromIndex = ents[0]!.index;
    if (fromIndex === this.offset + this.entries.length) {
      // Contiguous with the tail: a plain append.
      for (const e of ents) this.entries.push(e);
    } else if (fromIndex <= this.offset) {
      this.logger.infof('replace the unstable entries from index %d', fromIndex);
      // The new entries start at or before the offset: they replace
      // everything held here.
      this.entries = ents.slice();
      this.offset = fromIndex;
      this.offsetInProgress = this.offset;
    } else {
      this.logger.infof('truncate the unstable entries before index %d', fromIndex);
      // Truncate any unstable entries that follow fromIndex and append.
      this.mustCheckOutOfBounds(this.offset, fromIndex);
      this.entries.length = fromIndex - this.offset;
      for (const e of ents) this.entries.push(e);
      // Writes in flight past fromIndex were for entries just replaced.
      this.offsetInProgress = Math.min(this.offsetInProgress, fromIndex);
    }
  }

  /** A copy of entries [lo, hi); panics if out of bounds. */
  slice(lo: number, hi: number): Entry[] {
    this.mustCheckOutOfBounds(lo, hi);
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }

  /** Like limitSize(slice(lo, hi), maxSize), without copying the rest. */
  sliceLimited(lo: number, hi: number, maxSize: number): Entry[] {
    this.mustCheckOutOfBounds(lo, hi);
    const end = sizeLimitedEnd(this.entries, lo - this.offset, hi - this.offset, maxSize);
    return this.entries.slice(lo - this.offset, end);
  }

  // Valid bounds: offset <= lo <= hi <= offset + entries.length.
  mustCheckOutOfBounds(lo: number, hi: number): void {
    if (lo > hi) this.logger.panicf('invalid unstable.slice %d > %d', lo, hi);
    const upper = this.offset + this.entries.length;
    if (lo < this.offset || hi > upper) {
      this.logger.panicf('unstable.slice[%d,%d) out of bound [%d,%d]', lo, hi, this.offset, upper);
    }
  }
}
