// raftLog: the raft log as a whole, stable part in Storage plus the
// unstable tail, with commit/apply bookkeeping (port of log.go).
import { NO_LIMIT, type Entry, type Snapshot } from '../raftpb/types.js';
import { sprintf } from '../util/gofmt.js';
import { panic } from '../util/panic.js';
import type { Logger } from './logger.js';
import { pbEntryID, Unstable, type EntryID, type LogSlice } from './log_unstable.js';
import { ErrCompacted, ErrUnavailable, type Storage } from './storage.js';
import { entsSize, extend } from './util.js';

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class RaftLog {
  storage: Storage;
  unstable: Unstable;
  /** Highest index that a quorum is known to have persisted. */
  committed: number;
  /** Highest position handed to the application for applying. */
  applying: number;
  /** Highest position the application has applied. Invariant: applied <= applying && applying <= committed. */
  applied: number;
  logger: Logger;
  /** Bound on the total size of entries being applied (see nextCommittedEnts). */
  maxApplyingEntsSize: number;
  applyingEntsSize: number;
  applyingEntsPaused: boolean;

  constructor(storage: Storage, logger: Logger, maxApplyingEntsSize: number = NO_LIMIT) {
    const firstIndex = storage.firstIndex();
    const lastIndex = storage.lastIndex();
    this.storage = storage;
    this.unstable = new Unstable({ offset: lastIndex + 1, offsetInProgress: lastIndex + 1, logger });
    this.maxApplyingEntsSize = maxApplyingEntsSize;
    this.applyingEntsSize = 0;
    this.applyingEntsPaused = false;
    // Everything up to the compaction point is committed and applied by definition.
    this.committed = firstIndex - 1;
    this.applying = firstIndex - 1;
    this.applied = firstIndex - 1;
    this.logger = logger;
  }

  toString(): string {
    return sprintf(
      'committed=%d, applied=%d, applying=%d, unstable.offset=%d, unstable.offsetInProgress=%d, len(unstable.Entries)=%d',
      this.committed,
      this.applied,
      this.applying,
      this.unstable.offset,
      this.unstable.offsetInProgress,
      this.unstable.entries.length,
    );
  }

  /**
   * Appends the slice if its prev entry matches our log, and commits up to
   * min(committed, its last index). Returns the last index of the slice, or
   * undefined when it does not match (Go's ok == false).
   */
  maybeAppend(a: LogSlice, committed: number): number | undefined {
    if (!this.matchTerm(a.prev)) return undefined;
    const lastnewi = a.prev.index + a.entries.length;
    const ci = this.findConflict(a.entries);
    if (ci === 0) {
      // nothing to overwrite
    } else if (ci <= this.committed) {
      this.logger.panicf('entry %d conflict with committed entry [committed(%d)]', ci, this.committed);
    } else {
      const offset = a.prev.index + 1;
      if (ci - offset > a.entries.length) {
        this.logger.panicf('index, %d, is out of range [%d]', ci - offset, a.entries.length);
      }
      this.append(ci - offset === 0 ? a.entries : a.entries.slice(ci - offset));
    }
    this.commitTo(Math.min(committed, lastnewi));
    return lastnewi;
  }

  append(ents: readonly Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0]!.index - 1;
    if (after < this.committed) {
      this.logger.panicf('after(%d) is out of range [committed(%d)]', after, this.committed);
    }
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  /**
   * The index of the first entry of ents that does not match our log (a
   * different term or a new index), or 0 if all match.
   */
  findConflict(ents: readonly Entry[]): number {
    for (const e of ents) {
      const id = pbEntryID(e);
      if (!this.matchTerm(id)) {
        if (id.index <= this.lastIndex()) {
          this.logger.infof(
            'found conflict at index %d [existing term: %d, conflicting term: %d]',
            id.index,
            this.zeroTermOnOutOfBounds(id.index),
            id.term,
          );
        }
        return id.index;
      }
    }
    return 0;
  }

  /**
   * The largest [index, term] at or below index whose term is <= term; the
   * term is 0 when it is unknown (compacted/unavailable).
   */
  findConflictByTerm(index: number, term: number): [number, number] {
    for (; index > 0; index--) {
      const ourTerm = this.termOrError(index);
      if (ourTerm instanceof Error) return [index, 0];
      if (ourTerm <= term) return [index, ourTerm];
    }
    return [0, 0];
  }

  nextUnstableEnts(): Entry[] {
    return this.unstable.nextEntries();
  }

  hasNextUnstableEnts(): boolean {
    return this.unstable.hasNextEntries();
  }

  hasNextOrInProgressUnstableEnts(): boolean {
    return this.unstable.entries.length > 0;
  }

  /** Committed entries ready to be applied, within the applying size budget. */
  nextCommittedEnts(allowUnstable: boolean): Entry[] {
    if (this.applyingEntsPaused) return [];
    if (this.hasNextOrInProgressSnapshot()) return [];
    const lo = this.applying + 1;
    const hi = this.maxAppliableIndex(allowUnstable) + 1; // [lo, hi)
    if (lo >= hi) return [];
    const maxSize = this.maxApplyingEntsSize - this.applyingEntsSize;
    if (maxSize <= 0) {
      this.logger.panicf(
        'applying entry size (%d-%d)=%d not positive',
        this.maxApplyingEntsSize,
        this.applyingEntsSize,
        maxSize,
      );
    }
    try {
      return this.slice(lo, hi, maxSize);
    } catch (e) {
      if (e === ErrCompacted) {
        this.logger.panicf('unexpected error when getting unapplied entries (%v)', e);
      }
      throw e;
    }
  }

  hasNextCommittedEnts(allowUnstable: boolean): boolean {
    if (this.applyingEntsPaused) return false;
    if (this.hasNextOrInProgressSnapshot()) return false;
    const lo = this.applying + 1;
    const hi = this.maxAppliableIndex(allowUnstable) + 1;
    return lo < hi;
  }

  maxAppliableIndex(allowUnstable: boolean): number {
    let hi = this.committed;
    if (!allowUnstable) hi = Math.min(hi, this.unstable.offset - 1);
    return hi;
  }

  nextUnstableSnapshot(): Snapshot | undefined {
    return this.unstable.nextSnapshot();
  }

  hasNextUnstableSnapshot(): boolean {
    return this.unstable.nextSnapshot() !== undefined;
  }

  hasNextOrInProgressSnapshot(): boolean {
    return this.unstable.snapshot !== undefined;
  }

  /** The latest snapshot; throws what Storage throws. */
  snapshot(): Snapshot {
    if (this.unstable.snapshot !== undefined) return this.unstable.snapshot;
    return this.storage.snapshot();
  }

  firstIndex(): number {
    const i = this.unstable.maybeFirstIndex();
    if (i !== undefined) return i;
    return this.storage.firstIndex();
  }

  lastIndex(): number {
    const i = this.unstable.maybeLastIndex();
    if (i !== undefined) return i;
    return this.storage.lastIndex();
  }

  commitTo(tocommit: number): void {
    // commit only moves forward
    if (this.committed < tocommit) {
      if (this.lastIndex() < tocommit) {
        this.logger.panicf(
          'tocommit(%d) is out of range [lastIndex(%d)]. Was the raft log corrupted, truncated, or lost?',
          tocommit,
          this.lastIndex(),
        );
      }
      this.committed = tocommit;
    }
  }

  appliedTo(i: number, size: number): void {
    if (this.committed < i || i < this.applied) {
      this.logger.panicf('applied(%d) is out of range [prevApplied(%d), committed(%d)]', i, this.applied, this.committed);
    }
    this.applied = i;
    this.applying = Math.max(this.applying, i);
    if (this.applyingEntsSize > size) {
      this.applyingEntsSize -= size;
    } else {
      // Sizes are unsigned in Go; never let the running total go negative.
      this.applyingEntsSize = 0;
    }
    this.applyingEntsPaused = this.applyingEntsSize >= this.maxApplyingEntsSize;
  }

  acceptApplying(i: number, size: number, allowUnstable: boolean): void {
    if (this.committed < i) {
      this.logger.panicf('applying(%d) is out of range [prevApplying(%d), committed(%d)]', i, this.applying, this.committed);
    }
    this.applying = i;
    this.applyingEntsSize += size;
    // Pause when the budget is used up, or when not all appliable entries
    // were handed out (the size limit was hit): resume on the next appliedTo.
    this.applyingEntsPaused = this.applyingEntsSize >= this.maxApplyingEntsSize || i < this.maxAppliableIndex(allowUnstable);
  }

  stableTo(id: EntryID): void {
    this.unstable.stableTo(id);
  }

  stableSnapTo(i: number): void {
    this.unstable.stableSnapTo(i);
  }

  /** Marks the unstable entries and snapshot as handed out for writing. */
  acceptUnstable(): void {
    this.unstable.acceptInProgress();
  }

  lastEntryID(): EntryID {
    const index = this.lastIndex();
    const t = this.termOrError(index);
    if (t instanceof Error) {
      this.logger.panicf('unexpected error when getting the last term at %d: %v', index, t);
    }
    return { term: t, index };
  }

  /**
   * The term of entry i, or ErrCompacted/ErrUnavailable as a value (Go's
   * error result; returned rather than thrown because it is routine).
   */
  termOrError(i: number): number | Error {
    // The unstable log answers cheaply; ask it before working out the
    // valid range, which may need a storage call.
    const ut = this.unstable.maybeTerm(i);
    if (ut !== undefined) return ut;
    // Outside [firstIndex-1, lastIndex] no term is known.
    if (i + 1 < this.firstIndex()) return ErrCompacted;
    if (i > this.lastIndex()) return ErrUnavailable;
    try {
      return this.storage.term(i);
    } catch (e) {
      if (e === ErrCompacted || e === ErrUnavailable) return e as Error;
      throw e;
    }
  }

  /** The term of entry i; throws ErrCompacted or ErrUnavailable. */
  term(i: number): number {
    const t = this.termOrError(i);
    if (t instanceof Error) throw t;
    return t;
  }

  /** Entries from i on, limited to maxSize; throws ErrCompacted. */
  entries(i: number, maxSize: number): Entry[] {
    if (i > this.lastIndex()) return [];
    return this.slice(i, this.lastIndex() + 1, maxSize);
  }

  allEntries(): Entry[] {
    for (;;) {
      try {
        return this.entries(this.firstIndex(), NO_LIMIT);
      } catch (e) {
        // storage compacted concurrently: retry from the new first index
        if (e === ErrCompacted) continue;
        throw e;
      }
    }
  }

  /**
   * Whether a log ending at `their` is at least as up-to-date as ours
   * (higher last term, or same term and at least as long).
   */
  isUpToDate(their: EntryID): boolean {
    const our = this.lastEntryID();
    return their.term > our.term || (their.term === our.term && their.index >= our.index);
  }

  matchTerm(id: EntryID): boolean {
    const t = this.termOrError(id.index);
    if (t instanceof Error) return false;
    return t === id.term;
  }

  /** Commits up to `at` if it is in our log at that term; true if it moved. */
  maybeCommit(at: EntryID): boolean {
    // Only commit at our own term: see section 5.4.2 of the raft paper.
    if (at.term !== 0 && at.index > this.committed && this.matchTerm(at)) {
      this.commitTo(at.index);
      return true;
    }
    return false;
  }

  restore(s: Snapshot): void {
    this.logger.infof('log [%s] starts to restore snapshot [index: %d, term: %d]', this, s.metadata.index, s.metadata.term);
    this.committed = s.metadata.index;
    this.unstable.restore(s);
  }

  /**
   * Visits [lo, hi) in pages of at most pageSize bytes (at least one entry
   * each). A visitor returns an Error to stop, which scan returns; scan
   * returns ErrCompacted as a value too.
   */
  scan(lo: number, hi: number, pageSize: number, v: (ents: Entry[]) => Error | null): Error | null {
    while (lo < hi) {
      let ents: Entry[];
      try {
        ents = this.slice(lo, hi, pageSize);
      } catch (e) {
        if (e === ErrCompacted) return ErrCompacted;
        throw e;
      }
      if (ents.length === 0) return new Error(sprintf('got 0 entries in [%d, %d)', lo, hi));
      const err = v(ents);
      if (err !== null) return err;
      lo += ents.length;
    }
    return null;
  }

  /**
   * Entries [lo, hi), at least one (if lo < hi), limited to maxSize bytes.
   * Throws ErrCompacted if lo is compacted away.
   */
  slice(lo: number, hi: number, maxSize: number): Entry[] {
    this.mustCheckOutOfBounds(lo, hi);
    if (lo === hi) return [];
    if (lo >= this.unstable.offset) {
      return this.unstable.sliceLimited(lo, hi, maxSize);
    }
    const cut = Math.min(hi, this.unstable.offset);
    let ents: Entry[];
    try {
      ents = this.storage.entries(lo, cut, maxSize);
    } catch (e) {
      if (e === ErrCompacted) throw e;
      if (e === ErrUnavailable) this.logger.panicf('entries[%d:%d) is unavailable from storage', lo, cut);
      panic(errText(e));
    }
    if (hi <= this.unstable.offset) return ents;

    // Storage already stopped at the size limit if it returned fewer entries
    // than asked for, or if one entry alone fills the budget.
    if (ents.length < cut - lo) return ents;
    // Otherwise add up the sizes, and take unstable entries only while they
    // stay within the budget.
    const size = entsSize(ents);
    if (size >= maxSize) return ents;

    const unstable = this.unstable.sliceLimited(this.unstable.offset, hi, maxSize - size);
    // Don't append the unstable entry that would bring the total over the limit.
    if (unstable.length === 1 && size + entsSize(unstable) > maxSize) return ents;
    return extend(ents, unstable);
  }

  // Valid bounds: firstIndex <= lo <= hi <= lastIndex + 1.
  mustCheckOutOfBounds(lo: number, hi: number): void {
    if (lo > hi) this.logger.panicf('invalid slice %d > %d', lo, hi);
    const fi = this.firstIndex();
    if (lo < fi) throw ErrCompacted;
    const length = this.lastIndex() + 1 - fi;
    if (hi > fi + length) this.logger.panicf('slice[%d,%d) out of bound [%d,%d]', lo, hi, fi, this.lastIndex());
  }

  /** The term of entry i, or 0 if it is compacted or unavailable. */
  zeroTermOnOutOfBounds(i: number): number {
    const t = this.termOrError(i);
    if (t instanceof Error) return 0;
    return t;
  }
}

export function newLog(storage: Storage, logger: Logger): RaftLog {
  return new RaftLog(storage, logger, NO_LIMIT);
}

export function newLogWithSize(storage: Storage, logger: Logger, maxApplyingEntsSize: number): RaftLog {
  return new RaftLog(storage, logger, maxApplyingEntsSize);
}
