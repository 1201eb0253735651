// Storage: the interface raft reads its persisted log through, and
// MemoryStorage, an in-memory implementation (port of storage.go).
import { newHardState, newSnapshot, type ConfState, type Entry, type HardState, type Snapshot } from '../raftpb/types.js';
import { entrySize } from '../raftpb/proto.js';
import { getLogger } from './default_logger.js';

export const ErrCompacted = new Error('requested index is unavailable due to compaction');
export const ErrSnapOutOfDate = new Error('requested index is older than the existing snapshot');
export const ErrUnavailable = new Error('requested entry at index is unavailable');
export const ErrSnapshotTemporarilyUnavailable = new Error('snapshot is temporarily unavailable');

/**
 * What raft needs from persistent storage. Methods throw the sentinel errors
 * above (ErrCompacted, ErrUnavailable, ErrSnapshotTemporarilyUnavailable)
 * where Go returns them; any other thrown error is fatal to raft.
 */
export interface Storage {
  initialState(): { hardState: HardState; confState: ConfState };
  /** Entries in [lo, hi), at least one if any, limited to maxSize bytes in total. */
  entries(lo: number, hi: number, maxSize: number): Entry[];
  term(i: number): number;
  lastIndex(): number;
  firstIndex(): number;
  snapshot(): Snapshot;
}

/**
 * The end (exclusive) of the longest prefix of ents[lo:hi) whose total
 * encoded size stays within maxSize, always including the first entry
 * (Go's limitSize, computed on indexes so nothing is copied).
 */
export function sizeLimitedEnd(ents: readonly Entry[], lo: number, hi: number, maxSize: number): number {
  if (lo >= hi) return hi;
  let size = entrySize(ents[lo]!);
  for (let i = lo + 1; i < hi; i++) {
    size += entrySize(ents[i]!);
    if (size > maxSize) return i;
  }
  return hi;
}

export interface InMemStorageCallStats {
  initialState: number;
  firstIndex: number;
  lastIndex: number;
  entries: number;
  term: number;
  snapshot: number;
}

export class MemoryStorage implements Storage {
  hardState: HardState = newHardState();
  snapshotState: Snapshot = newSnapshot();
  // ents[0] is a placeholder: only its index and term matter, those of the
  // newest compacted entry (the snapshot's position).
  ents: Entry[] = [{ term: 0, index: 0, type: 0 }];
  callStats: InMemStorageCallStats = { initialState: 0, firstIndex: 0, lastIndex: 0, entries: 0, term: 0, snapshot: 0 };

  initialState(): { hardState: HardState; confState: ConfState } {
    this.callStats.initialState++;
    return { hardState: this.hardState, confState: this.snapshotState.metadata.confState };
  }

  setHardState(st: HardState): Error | null {
    this.hardState = st;
    return null;
  }

  entries(lo: number, hi: number, maxSize: number): Entry[] {
    this.callStats.entries++;
    const offset = this.ents[0]!.index;
    if (lo <= offset) throw ErrCompacted;
    if (hi > this.lastIndexInternal() + 1) {
      getLogger().panicf("entries' hi(%d) is out of bound lastindex(%d)", hi, this.lastIndexInternal());
    }
    // nothing stored beyond the placeholder at ents[0]
    if (this.ents.length === 1) throw ErrUnavailable;
    const end = sizeLimitedEnd(this.ents, lo - offset, hi - offset, maxSize);
    return this.ents.slice(lo - offset, end);
  }

  term(i: number): number {
    this.callStats.term++;
    const offset = this.ents[0]!.index;
    if (i < offset) throw ErrCompacted;
    if (i - offset >= this.ents.length) throw ErrUnavailable;
    return this.ents[i - offset]!.term;
  }

  lastIndex(): number {
    this.callStats.lastIndex++;
    return this.lastIndexInternal();
  }

  private lastIndexInternal(): number {
    return this.ents[0]!.index + this.ents.length - 1;
  }

  firstIndex(): number {
    this.callStats.firstIndex++;
    return this.firstIndexInternal();
  }

  private firstIndexInternal(): number {
    return this.ents[0]!.index + 1;
  }

  snapshot(): Snapshot {
    this.callStats.snapshot++;
    return this.snapshotState;
  }

  /** Overwrites the contents with the snapshot's; ErrSnapOutOfDate if older. */
  applySnapshot(snap: Snapshot): Error | null {
    const msIndex = this.snapshotState.metadata.index;
    const snapIndex = snap.metadata.index;
    if (msIndex >= snapIndex) return ErrSnapOutOfDate;
    this.snapshotState = snap;
    this.ents = [{ term: snap.metadata.term, index: snap.metadata.index, type: 0 }];
    return null;
  }

  /**
   * Records a snapshot at index i (throws ErrSnapOutOfDate if not newer than
   * the current one); cs, when given, replaces the snapshot's ConfState.
   */
  createSnapshot(i: number, cs: ConfState | undefined, data: Uint8Array | undefined): Snapshot {
    if (i <= this.snapshotState.metadata.index) throw ErrSnapOutOfDate;
    const offset = this.ents[0]!.index;
    if (i > this.lastIndexInternal()) {
      getLogger().panicf('snapshot %d is out of bound lastindex(%d)', i, this.lastIndexInternal());
    }
    // Snapshots handed out earlier stay as they were (Go returns copies).
    const md = this.snapshotState.metadata;
    this.snapshotState = {
      data,
      metadata: { index: i, term: this.ents[i - offset]!.term, confState: cs ? { ...cs } : md.confState },
    };
    return this.snapshotState;
  }

  /** Discards all entries before compactIndex; ErrCompacted if already done. */
  compact(compactIndex: number): Error | null {
    const offset = this.ents[0]!.index;
    if (compactIndex <= offset) return ErrCompacted;
    if (compactIndex > this.lastIndexInternal()) {
      getLogger().panicf('compact %d is out of bound lastindex(%d)', compactIndex, this.lastIndexInternal());
    }
    const i = compactIndex - offset;
    const dummy: Entry = { term: this.ents[i]!.term, index: this.ents[i]!.index, type: 0 };
    this.ents.splice(0, i + 1, dummy);
    return null;
  }

  /**
   * Appends entries, which must be contiguous; an overlap with existing
   * entries replaces them from the first overlapping index on.
   */
  append(entries: Entry[]): Error | null {
    if (entries.length === 0) return null;
    const first = this.firstIndexInternal();
    const last = entries[0]!.index + entries.length - 1;
    // Everything offered is already compacted away.
    if (last < first) return null;
    // Skip the part that is below the first index.
    let start = 0;
    if (first > entries[0]!.index) start = first - entries[0]!.index;
    const offset = entries[start]!.index - this.ents[0]!.index;
    if (this.ents.length > offset) {
      this.ents.length = offset;
    } else if (this.ents.length !== offset) {
      getLogger().panicf('missing log entry [last: %d, append at: %d]', this.lastIndexInternal(), entries[start]!.index);
    }
    for (let k = start; k < entries.length; k++) this.ents.push(entries[k]!);
    return null;
  }
}

export function newMemoryStorage(): MemoryStorage {
  return new MemoryStorage();
}
