// A member of the group under test and the storage the harness gives it.
import type { Config } from '../raft/raft.js';
import type { RawNode } from '../raft/rawnode.js';
import type { MemoryStorage, Storage } from '../raft/storage.js';
import type { ConfState, Entry, HardState, Message, Snapshot } from '../raftpb/types.js';
import { quoteBytes } from '../util/gofmt.js';
import type { AppliedState } from './applied.js';

/** Go's defaultEntryFormatter: `%q` of the entry data. */
export function defaultEntryFormatter(b: Uint8Array | undefined): string {
  return quoteBytes(b);
}

/**
 * raft.Storage over a MemoryStorage whose snapshot() is the newest applied
 * state of the node (Go's snapOverrideStorage).
 */
export class SnapOverrideStorage implements Storage {
  constructor(
    readonly inner: MemoryStorage,
    private readonly snapshotOverride: () => Snapshot,
  ) {}
  initialState(): { hardState: HardState; confState: ConfState } {
    return this.inner.initialState();
  }
  entries(lo: number, hi: number, maxSize: number): Entry[] {
    return this.inner.entries(lo, hi, maxSize);
  }
  term(i: number): number {
    return this.inner.term(i);
  }
  lastIndex(): number {
    return this.inner.lastIndex();
  }
  firstIndex(): number {
    return this.inner.firstIndex();
  }
  snapshot(): Snapshot {
    return this.snapshotOverride();
  }
}

/** A member of the raft group under test. */
export class Node {
  /** Pending MsgStorageAppend messages (async storage writes). */
  appendWork: Message[] = [];
  /** Pending MsgStorageApply messages (async storage writes). */
  applyWork: Message[] = [];

  constructor(
    readonly rawNode: RawNode,
    /** The node's log storage (what the harness appends to, compacts, ...). */
    readonly storage: MemoryStorage,
    readonly config: Config,
    /** The applied state: Go's History, without a copy per entry. */
    readonly applied: AppliedState,
  ) {}

  get id(): number {
    return this.config.id;
  }
}
