// Port of log_test.go.
import { describe, expect, it } from 'vitest';
import { NO_LIMIT, newEntry, newSnapshot, type Entry } from '../../src/raftpb/types.js';
import { newLog, newLogWithSize, type RaftLog } from '../../src/raft/log.js';
import { logSliceValid, pbEntryID, type EntryID, type LogSlice } from '../../src/raft/log_unstable.js';
import { ErrCompacted, ErrUnavailable, MemoryStorage } from '../../src/raft/storage.js';
import { entrySize } from '../../src/raftpb/proto.js';
import { entsSize } from '../../src/raft/util.js';
import { index, quietLogger as raftLogger } from './helpers.js';

const snapMeta = (i: number, t: number) => newSnapshot({ metadata: { index: i, term: t } });

/** Runs f; a throw is only fine if wpanic (Go's deferred recover check). */
function guarded(wpanic: boolean, f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!wpanic) throw e;
  }
}

function termResult(l: RaftLog, i: number): { term: number; err: Error | null } {
  const t = l.termOrError(i);
  return t instanceof Error ? { term: 0, err: t } : { term: t, err: null };
}

function sliceResult(l: RaftLog, lo: number, hi: number, lim: number): { ents: Entry[]; err: unknown } {
  try {
    return { ents: l.slice(lo, hi, lim), err: null };
  } catch (e) {
    if (e === ErrCompacted) return { ents: [], err: e };
    throw e;
  }
}

describe('raftLog', () => {
  it('findConflict', () => {
    const previousEnts = index(1).terms(1, 2, 3);
    const tests: [Entry[], number][] = [
      // empty input: nothing to compare
      [[], 0],
      // every entry already in the log
      [index(1).terms(1, 2, 3), 0],
      [index(2).terms(2, 3), 0],
      [index(3).terms(3), 0],
      // matching prefix, then entries past the end: first new index
      [index(1).terms(1, 2, 3, 4, 4), 4],
      [index(2).terms(2, 3, 4, 5), 4],
      [index(3).terms(3, 4, 4), 4],
      [index(4).terms(4, 4), 4],
      // term mismatch inside the log: first mismatching index
      [index(1).terms(4, 4), 1],
      [index(2).terms(1, 4, 4), 2],
      [index(3).terms(1, 2, 4, 4), 3],
    ];
    for (const [ents, wconflict] of tests) {
      const raftLog = newLog(new MemoryStorage(), raftLogger);
      raftLog.append(previousEnts);
      expect(raftLog.findConflict(ents)).toBe(wconflict);
    }
  });

  it('findConflictByTerm', () => {
    const tests: [Entry[], number, number, number][] = [
      // Dummy entry at 0, real entries from index 1.
      [index(0).terms(0, 2, 2, 5, 5, 5), 100, 2, 100], // ErrUnavailable
      [index(0).terms(0, 2, 2, 5, 5, 5), 5, 6, 5],
      [index(0).terms(0, 2, 2, 5, 5, 5), 5, 5, 5],
      [index(0).terms(0, 2, 2, 5, 5, 5), 5, 4, 2],
      [index(0).terms(0, 2, 2, 5, 5, 5), 5, 2, 2],
      [index(0).terms(0, 2, 2, 5, 5, 5), 5, 1, 0],
      [index(0).terms(0, 2, 2, 5, 5, 5), 1, 2, 1],
      [index(0).terms(0, 2, 2, 5, 5, 5), 1, 1, 0],
      [index(0).terms(0, 2, 2, 5, 5, 5), 0, 0, 0],
      // Everything up to index 10 compacted away.
      [index(10).terms(3, 3, 3, 4, 4, 4), 30, 3, 30], // ErrUnavailable
      [index(10).terms(3, 3, 3, 4, 4, 4), 14, 9, 14],
      [index(10).terms(3, 3, 3, 4, 4, 4), 14, 4, 14],
      [index(10).terms(3, 3, 3, 4, 4, 4), 14, 3, 12],
      [index(10).terms(3, 3, 3, 4, 4, 4), 14, 2, 9],
      [index(10).terms(3, 3, 3, 4, 4, 4), 11, 5, 11],
      [index(10).terms(3, 3, 3, 4, 4, 4), 10, 5, 10],
      [index(10).terms(3, 3, 3, 4, 4, 4), 10, 3, 10],
      [index(10).terms(3, 3, 3, 4, 4, 4), 10, 2, 9],
      [index(10).terms(3, 3, 3, 4, 4, 4), 9, 2, 9], // ErrCompacted
      [index(10).terms(3, 3, 3, 4, 4, 4), 4, 2, 4], // ErrCompacted
      [index(10).terms(3, 3, 3, 4, 4, 4), 0, 0, 0], // ErrCompacted
    ];
    for (const [ents, idx, term, want] of tests) {
      const st = new MemoryStorage();
      st.applySnapshot(snapMeta(ents[0]!.index, ents[0]!.term));
      const l = newLog(st, raftLogger);
      l.append(ents.slice(1));
      const [gi, gt] = l.findConflictByTerm(idx, term);
      expect(gi).toBe(want);
      expect(gt).toBe(l.zeroTermOnOutOfBounds(gi));
    }
  });

  it('isUpToDate', () => {
    const raftLog = newLog(new MemoryStorage(), raftLogger);
    raftLog.append(index(1).terms(1, 2, 3));
    const li = raftLog.lastIndex();
    const tests: [number, number, boolean][] = [
      // higher last term wins regardless of index
      [li - 1, 4, true],
      [li, 4, true],
      [li + 1, 4, true],
      // lower last term loses regardless of index
      [li - 1, 2, false],
      [li, 2, false],
      [li + 1, 2, false],
      // same term: index must be at least ours
      [li - 1, 3, false],
      [li, 3, true],
      [li + 1, 3, true],
    ];
    for (const [lastIndex, term, w] of tests) {
      expect(raftLog.isUpToDate({ term, index: lastIndex })).toBe(w);
    }
  });

  it('append', () => {
    const previousEnts = index(1).terms(1, 2);
    const tests: [Entry[], number, Entry[], number][] = [
      [[], 2, index(1).terms(1, 2), 3],
      [index(3).terms(2), 3, index(1).terms(1, 2, 2), 3],
      // overwrites starting at index 1
      [index(1).terms(2), 1, index(1).terms(2), 1],
      // overwrites starting at index 2
      [index(2).terms(3, 3), 3, index(1).terms(1, 3, 3), 2],
    ];
    for (const [ents, windex, wents, wunstable] of tests) {
      const storage = new MemoryStorage();
      storage.append(previousEnts);
      const raftLog = newLog(storage, raftLogger);
      expect(raftLog.append(ents)).toBe(windex);
      expect(raftLog.entries(1, NO_LIMIT)).toEqual(wents);
      expect(raftLog.unstable.offset).toBe(wunstable);
    }
  });

  it('maybeAppend', () => {
    const previousEnts = index(1).terms(1, 2, 3);
    const lastindex = 3;
    const lastterm = 3;
    const commit = 1;
    type T = [EntryID, number, Entry[], number, boolean, number, boolean];
    const id = (term: number, idx: number): EntryID => ({ term, index: idx });
    const tests: T[] = [
      // rejected: prev term differs
      [id(lastterm - 1, lastindex), lastindex, index(lastindex + 1).terms(4), 0, false, commit, false],
      // rejected: prev index beyond our log
      [id(lastterm, lastindex + 1), lastindex, index(lastindex + 2).terms(4), 0, false, commit, false],
      // prev is our last entry
      [id(lastterm, lastindex), lastindex, [], lastindex, true, lastindex, false],
      [id(lastterm, lastindex), lastindex + 1, [], lastindex, true, lastindex, false], // commit capped at the last new index
      [id(lastterm, lastindex), lastindex - 1, [], lastindex, true, lastindex - 1, false], // commit follows the leader's value
      [id(lastterm, lastindex), 0, [], lastindex, true, commit, false], // commit never goes backwards
      [id(0, 0), lastindex, [], 0, true, commit, false], // commit never goes backwards
      [id(lastterm, lastindex), lastindex, index(lastindex + 1).terms(4), lastindex + 1, true, lastindex, false],
      [id(lastterm, lastindex), lastindex + 1, index(lastindex + 1).terms(4), lastindex + 1, true, lastindex + 1, false],
      [id(lastterm, lastindex), lastindex + 2, index(lastindex + 1).terms(4), lastindex + 1, true, lastindex + 1, false],
      [id(lastterm, lastindex), lastindex + 2, index(lastindex + 1).terms(4, 4), lastindex + 2, true, lastindex + 2, false],
      // prev is an earlier entry; our tail gets replaced
      [id(lastterm - 1, lastindex - 1), lastindex, index(lastindex).terms(4), lastindex, true, lastindex, false],
      [id(lastterm - 2, lastindex - 2), lastindex, index(lastindex - 1).terms(4), lastindex - 1, true, lastindex - 1, false],
      [id(lastterm - 3, lastindex - 3), lastindex, index(lastindex - 2).terms(4), lastindex - 2, true, lastindex - 2, true], // would overwrite a committed entry: panics
      [id(lastterm - 2, lastindex - 2), lastindex, index(lastindex - 1).terms(4, 4), lastindex, true, lastindex, false],
    ];
    for (const [prev, committed, ents, wlasti, wappend, wcommit, wpanic] of tests) {
      const app: LogSlice = { term: 100, prev, entries: ents };
      expect(logSliceValid(app)).toBeNull();
      const raftLog = newLog(new MemoryStorage(), raftLogger);
      raftLog.append(previousEnts);
      raftLog.committed = commit;
      guarded(wpanic, () => {
        const glasti = raftLog.maybeAppend(app, committed);
        expect(glasti ?? 0).toBe(wlasti);
        expect(glasti !== undefined).toBe(wappend);
        expect(raftLog.committed).toBe(wcommit);
        if (glasti !== undefined && ents.length !== 0) {
          const gents = raftLog.slice(raftLog.lastIndex() - ents.length + 1, raftLog.lastIndex() + 1, NO_LIMIT);
          expect(gents).toEqual(ents);
        }
        expect(wpanic).toBe(false);
      });
    }
  });

  it('compaction side effects', () => {
    // Indexes 1..750 sit in storage, 751..1000 only in the unstable part.
    const lastIndex = 1000;
    const unstableIndex = 750;
    const storage = new MemoryStorage();
    expect(storage.append(index(1).termRange(1, unstableIndex + 1))).toBeNull();
    const raftLog = newLog(storage, raftLogger);
    raftLog.append(index(unstableIndex + 1).termRange(unstableIndex + 1, lastIndex + 1));

    expect(raftLog.maybeCommit(raftLog.lastEntryID())).toBe(true);
    raftLog.appliedTo(raftLog.committed, 0);

    const offset = 500;
    expect(storage.compact(offset)).toBeNull();
    expect(raftLog.lastIndex()).toBe(lastIndex);

    for (let j = offset; j <= raftLog.lastIndex(); j++) expect(raftLog.term(j)).toBe(j);
    for (let j = offset; j <= raftLog.lastIndex(); j++) expect(raftLog.matchTerm({ term: j, index: j })).toBe(true);

    const unstableEnts = raftLog.nextUnstableEnts();
    expect(unstableEnts.length).toBe(250);
    expect(unstableEnts[0]!.index).toBe(751);

    const prev = raftLog.lastIndex();
    raftLog.append([newEntry({ index: raftLog.lastIndex() + 1, term: raftLog.lastIndex() + 1 })]);
    expect(raftLog.lastIndex()).toBe(prev + 1);

    expect(raftLog.entries(raftLog.lastIndex(), NO_LIMIT).length).toBe(1);
  });

  type NCase = { applied: number; applying: number; allowUnstable: boolean; paused?: boolean; snap?: boolean };
  function setupCommitted(tt: NCase, maxSize = NO_LIMIT): RaftLog {
    const snap = snapMeta(3, 1);
    const ents = index(4).terms(1, 1, 1);
    const storage = new MemoryStorage();
    expect(storage.applySnapshot(snap)).toBeNull();
    expect(storage.append(ents.slice(0, 1))).toBeNull();
    const raftLog = newLogWithSize(storage, raftLogger, maxSize);
    raftLog.append(ents);
    raftLog.stableTo({ term: 1, index: 4 });
    raftLog.maybeCommit({ term: 1, index: 5 });
    raftLog.appliedTo(tt.applied, 0);
    raftLog.acceptApplying(tt.applying, 0, tt.allowUnstable);
    raftLog.applyingEntsPaused = tt.paused ?? false;
    if (tt.snap) raftLog.restore(snapMeta(4, 1));
    return raftLog;
  }

  it('hasNextCommittedEnts', () => {
    const tests: [NCase, boolean][] = [
      [{ applied: 3, applying: 3, allowUnstable: true }, true],
      [{ applied: 3, applying: 4, allowUnstable: true }, true],
      [{ applied: 3, applying: 5, allowUnstable: true }, false],
      [{ applied: 4, applying: 4, allowUnstable: true }, true],
      [{ applied: 4, applying: 5, allowUnstable: true }, false],
      [{ applied: 5, applying: 5, allowUnstable: true }, false],
      // Same cases, applying stable entries only.
      [{ applied: 3, applying: 3, allowUnstable: false }, true],
      [{ applied: 3, applying: 4, allowUnstable: false }, false],
      [{ applied: 3, applying: 5, allowUnstable: false }, false],
      [{ applied: 4, applying: 4, allowUnstable: false }, false],
      [{ applied: 4, applying: 5, allowUnstable: false }, false],
      [{ applied: 5, applying: 5, allowUnstable: false }, false],
      // Applying paused by the size limit.
      [{ applied: 3, applying: 3, allowUnstable: true, paused: true }, false],
      // A pending snapshot holds back committed entries.
      [{ applied: 3, applying: 3, allowUnstable: true, snap: true }, false],
    ];
    for (const [tt, w] of tests) {
      expect(setupCommitted(tt).hasNextCommittedEnts(tt.allowUnstable)).toBe(w);
    }
  });

  it('nextCommittedEnts', () => {
    const ents = index(4).terms(1, 1, 1);
    const tests: [NCase, Entry[]][] = [
      [{ applied: 3, applying: 3, allowUnstable: true }, ents.slice(0, 2)],
      [{ applied: 3, applying: 4, allowUnstable: true }, ents.slice(1, 2)],
      [{ applied: 3, applying: 5, allowUnstable: true }, []],
      [{ applied: 4, applying: 4, allowUnstable: true }, ents.slice(1, 2)],
      [{ applied: 4, applying: 5, allowUnstable: true }, []],
      [{ applied: 5, applying: 5, allowUnstable: true }, []],
      // Same cases, applying stable entries only.
      [{ applied: 3, applying: 3, allowUnstable: false }, ents.slice(0, 1)],
      [{ applied: 3, applying: 4, allowUnstable: false }, []],
      [{ applied: 3, applying: 5, allowUnstable: false }, []],
      [{ applied: 4, applying: 4, allowUnstable: false }, []],
      [{ applied: 4, applying: 5, allowUnstable: false }, []],
      [{ applied: 5, applying: 5, allowUnstable: false }, []],
      // Applying paused by the size limit.
      [{ applied: 3, applying: 3, allowUnstable: true, paused: true }, []],
      // A pending snapshot holds back committed entries.
      [{ applied: 3, applying: 3, allowUnstable: true, snap: true }, []],
    ];
    for (const [tt, w] of tests) {
      expect(setupCommitted(tt).nextCommittedEnts(tt.allowUnstable)).toEqual(w);
    }
  });

  it('acceptApplying', () => {
    const maxSize = 100;
    const tests: [number, boolean, number, boolean][] = [
      [3, true, maxSize - 1, true],
      [3, true, maxSize, true],
      [3, true, maxSize + 1, true],
      [4, true, maxSize - 1, true],
      [4, true, maxSize, true],
      [4, true, maxSize + 1, true],
      [5, true, maxSize - 1, false],
      [5, true, maxSize, true],
      [5, true, maxSize + 1, true],
      // Same cases, applying stable entries only.
      [3, false, maxSize - 1, true],
      [3, false, maxSize, true],
      [3, false, maxSize + 1, true],
      [4, false, maxSize - 1, false],
      [4, false, maxSize, true],
      [4, false, maxSize + 1, true],
      [5, false, maxSize - 1, false],
      [5, false, maxSize, true],
      [5, false, maxSize + 1, true],
    ];
    for (const [idx, allowUnstable, size, wpaused] of tests) {
      const l = setupCommitted({ applied: 3, applying: 3, allowUnstable: true }, maxSize);
      l.acceptApplying(idx, size, allowUnstable);
      expect(l.applyingEntsPaused).toBe(wpaused);
    }
  });

  it('appliedTo', () => {
    const maxSize = 100;
    const overshoot = 5;
    const tests: [number, number, number, boolean][] = [
      // applied stays below the applying index (5).
      [4, overshoot - 1, maxSize + 1, true],
      [4, overshoot, maxSize, true],
      [4, overshoot + 1, maxSize - 1, false],
      // applied reaches the applying index.
      [5, overshoot - 1, maxSize + 1, true],
      [5, overshoot, maxSize, true],
      [5, overshoot + 1, maxSize - 1, false],
      // size equals everything outstanding.
      [4, maxSize + overshoot, 0, false],
      // size exceeds what is outstanding; the counter
      // clamps at zero instead of going negative.
      [4, maxSize + overshoot + 1, 0, false],
    ];
    for (const [idx, size, wapplyingSize, wpaused] of tests) {
      const l = setupCommitted({ applied: 3, applying: 3, allowUnstable: true }, maxSize);
      l.acceptApplying(5, maxSize + overshoot, false);
      l.appliedTo(idx, size);
      expect(l.applied).toBe(idx);
      expect(l.applying).toBe(5);
      expect(l.applyingEntsSize).toBe(wapplyingSize);
      expect(l.applyingEntsPaused).toBe(wpaused);
    }
  });

  it('nextUnstableEnts', () => {
    const previousEnts = index(1).terms(1, 2);
    const tests: [number, Entry[]][] = [
      [3, []],
      [1, previousEnts],
    ];
    for (const [unstable, wents] of tests) {
      // the stable prefix goes into storage
      const storage = new MemoryStorage();
      expect(storage.append(previousEnts.slice(0, unstable - 1))).toBeNull();
      // the rest lives only in the unstable part
      const raftLog = newLog(storage, raftLogger);
      raftLog.append(previousEnts.slice(unstable - 1));
      const ents = raftLog.nextUnstableEnts();
      if (ents.length > 0) raftLog.stableTo(pbEntryID(ents[ents.length - 1]!));
      expect(ents).toEqual(wents);
      expect(raftLog.unstable.offset).toBe(previousEnts[previousEnts.length - 1]!.index + 1);
    }
  });

  it('commitTo', () => {
    const previousEnts = index(1).terms(1, 2, 3);
    const commit = 2;
    const tests: [number, number, boolean][] = [
      [3, 3, false],
      [1, 2, false], // lower target: commit unchanged
      [4, 0, true], // beyond lastIndex: panics
    ];
    for (const [c, wcommit, wpanic] of tests) {
      guarded(wpanic, () => {
        const raftLog = newLog(new MemoryStorage(), raftLogger);
        raftLog.append(previousEnts);
        raftLog.committed = commit;
        raftLog.commitTo(c);
        expect(raftLog.committed).toBe(wcommit);
        expect(wpanic).toBe(false);
      });
    }
  });

  it('stableTo', () => {
    const tests: [number, number, number][] = [
      [1, 1, 2],
      [2, 2, 3],
      [2, 1, 1], // term mismatch: ignored
      [3, 1, 1], // index not in the log: ignored
    ];
    for (const [stablei, stablet, wunstable] of tests) {
      const raftLog = newLog(new MemoryStorage(), raftLogger);
      raftLog.append(index(1).terms(1, 2));
      raftLog.stableTo({ term: stablet, index: stablei });
      expect(raftLog.unstable.offset).toBe(wunstable);
    }
  });

  it('stableTo with snapshot', () => {
    const snapi = 5;
    const snapt = 2;
    const tests: [number, number, Entry[], number][] = [
      [snapi + 1, snapt, [], snapi + 1],
      [snapi, snapt, [], snapi + 1],
      [snapi - 1, snapt, [], snapi + 1],
      [snapi + 1, snapt + 1, [], snapi + 1],
      [snapi, snapt + 1, [], snapi + 1],
      [snapi - 1, snapt + 1, [], snapi + 1],
      [snapi + 1, snapt, index(snapi + 1).terms(snapt), snapi + 2],
      [snapi, snapt, index(snapi + 1).terms(snapt), snapi + 1],
      [snapi - 1, snapt, index(snapi + 1).terms(snapt), snapi + 1],
      [snapi + 1, snapt + 1, index(snapi + 1).terms(snapt), snapi + 1],
      [snapi, snapt + 1, index(snapi + 1).terms(snapt), snapi + 1],
      [snapi - 1, snapt + 1, index(snapi + 1).terms(snapt), snapi + 1],
    ];
    for (const [stablei, stablet, newEnts, wunstable] of tests) {
      const s = new MemoryStorage();
      expect(s.applySnapshot(snapMeta(snapi, snapt))).toBeNull();
      const raftLog = newLog(s, raftLogger);
      raftLog.append(newEnts);
      raftLog.stableTo({ term: stablet, index: stablei });
      expect(raftLog.unstable.offset).toBe(wunstable);
    }
  });

  it('compaction', () => {
    const tests: [number, number[], number[], boolean][] = [
      // past lastIndex: compaction fails
      [1000, [1001], [-1], false],
      [1000, [300, 500, 800, 900], [700, 500, 200, 100], true],
      // second compaction moves backwards: fails
      [1000, [300, 299], [700, -1], false],
    ];
    for (const [lastIndex, compact, wleft, wallow] of tests) {
      guarded(!wallow, () => {
        const storage = new MemoryStorage();
        expect(storage.append(index(1).termRange(1, lastIndex + 1))).toBeNull();
        const raftLog = newLog(storage, raftLogger);
        raftLog.maybeCommit({ term: 0, index: lastIndex }); // a no-op, as in Go
        raftLog.appliedTo(raftLog.committed, 0);
        for (let j = 0; j < compact.length; j++) {
          const err = storage.compact(compact[j]!);
          if (err !== null) {
            expect(wallow).toBe(false);
            continue;
          }
          expect(raftLog.allEntries().length).toBe(wleft[j]);
        }
      });
    }
  });

  it('restore', () => {
    const idx = 1000;
    const term = 1000;
    const storage = new MemoryStorage();
    storage.applySnapshot(snapMeta(idx, term));
    const raftLog = newLog(storage, raftLogger);
    expect(raftLog.allEntries().length).toBe(0);
    expect(raftLog.firstIndex()).toBe(idx + 1);
    expect(raftLog.committed).toBe(idx);
    expect(raftLog.unstable.offset).toBe(idx + 1);
    expect(raftLog.term(idx)).toBe(term);
  });

  it('isOutOfBounds', () => {
    const offset = 100;
    const num = 100;
    const storage = new MemoryStorage();
    storage.applySnapshot(snapMeta(offset, 0));
    const l = newLog(storage, raftLogger);
    l.append(index(offset + 1).termRange(offset + 1, offset + num + 1));
    const first = offset + 1;
    const tests: [number, number, boolean, boolean][] = [
      [first - 2, first + 1, false, true],
      [first - 1, first + 1, false, true],
      [first, first, false, false],
      [first + num / 2, first + num / 2, false, false],
      [first + num - 1, first + num - 1, false, false],
      [first + num, first + num, false, false],
      [first + num, first + num + 1, true, false],
      [first + num + 1, first + num + 1, true, false],
    ];
    for (const [lo, hi, wpanic, wErrCompacted] of tests) {
      guarded(wpanic, () => {
        let err: unknown = null;
        try {
          l.mustCheckOutOfBounds(lo, hi);
        } catch (e) {
          if (e !== ErrCompacted) throw e;
          err = e;
        }
        expect(wpanic).toBe(false);
        expect(wErrCompacted && err !== ErrCompacted).toBe(false);
        expect(!wErrCompacted && err !== null).toBe(false);
      });
    }
  });

  it('term', () => {
    const offset = 100;
    const num = 100;
    const storage = new MemoryStorage();
    storage.applySnapshot(snapMeta(offset, 1));
    const l = newLog(storage, raftLogger);
    l.append(index(offset + 1).termRange(1, num));
    const tests: [number, number, Error | null][] = [
      [offset - 1, 0, ErrCompacted],
      [offset, 1, null],
      [offset + num / 2, num / 2, null],
      [offset + num - 1, num - 1, null],
      [offset + num, 0, ErrUnavailable],
    ];
    for (const [idx, term, err] of tests) {
      expect(termResult(l, idx)).toEqual({ term, err });
    }
  });

  it('term with unstable snapshot', () => {
    const storagesnapi = 100;
    const unstablesnapi = storagesnapi + 5;
    const storage = new MemoryStorage();
    storage.applySnapshot(snapMeta(storagesnapi, 1));
    const l = newLog(storage, raftLogger);
    l.restore(snapMeta(unstablesnapi, 1));
    const tests: [number, number, Error | null][] = [
      // the stored snapshot's index is already compacted
      [storagesnapi, 0, ErrCompacted],
      // indexes between the stored and the pending snapshot are unknown
      [storagesnapi + 1, 0, ErrCompacted],
      [unstablesnapi - 1, 0, ErrCompacted],
      // the pending snapshot's own index has a term
      [unstablesnapi, 1, null],
      // nothing exists after the pending snapshot yet
      [unstablesnapi + 1, 0, ErrUnavailable],
    ];
    for (const [idx, term, err] of tests) {
      expect(termResult(l, idx)).toEqual({ term, err });
    }
  });

  it('slice', () => {
    const offset = 100;
    const num = 100;
    const last = offset + num;
    const half = offset + num / 2;
    const halfe = newEntry({ index: half, term: half });
    const hs = entrySize(halfe);
    const entries = (from: number, to: number) => index(from).termRange(from, to);

    const storage = new MemoryStorage();
    expect(storage.applySnapshot(snapMeta(offset, 0))).toBeNull();
    expect(storage.append(entries(offset + 1, half))).toBeNull();
    const l = newLog(storage, raftLogger);
    l.append(entries(half, last));

    const tests: [number, number, number, Entry[], boolean][] = [
      // At or below the snapshot: compacted.
      [offset - 1, offset + 1, NO_LIMIT, [], false],
      [offset, offset + 1, NO_LIMIT, [], false],
      // Invalid ranges throw.
      [half, half - 1, NO_LIMIT, [], true], // lo > hi
      [last, last + 1, NO_LIMIT, [], true], // hi past lastIndex + 1
      // Unlimited size.
      [offset + 1, offset + 1, NO_LIMIT, [], false],
      [offset + 1, half - 1, NO_LIMIT, entries(offset + 1, half - 1), false],
      [offset + 1, half, NO_LIMIT, entries(offset + 1, half), false],
      [offset + 1, half + 1, NO_LIMIT, entries(offset + 1, half + 1), false],
      [offset + 1, last, NO_LIMIT, entries(offset + 1, last), false],
      [half - 1, half, NO_LIMIT, entries(half - 1, half), false],
      [half - 1, half + 1, NO_LIMIT, entries(half - 1, half + 1), false],
      [half - 1, last, NO_LIMIT, entries(half - 1, last), false],
      [half, half + 1, NO_LIMIT, entries(half, half + 1), false],
      [half, last, NO_LIMIT, entries(half, last), false],
      [last - 1, last, NO_LIMIT, entries(last - 1, last), false],
      // A zero limit still yields one entry.
      [offset + 1, last, 0, entries(offset + 1, offset + 2), false],
      [half - 1, half + 1, 0, entries(half - 1, half), false],
      [half, last, 0, entries(half, half + 1), false],
      [half + 1, last, 0, entries(half + 1, half + 2), false],
      // Limit smaller than one entry.
      [offset + 1, last, hs - 1, entries(offset + 1, offset + 2), false],
      [half - 1, half + 1, hs - 1, entries(half - 1, half), false],
      [half, last, hs - 1, entries(half, half + 1), false],
      // Limit fits exactly one entry.
      [offset + 1, last, hs, entries(offset + 1, offset + 2), false],
      [half - 1, half + 1, hs, entries(half - 1, half), false],
      [half, last, hs, entries(half, half + 1), false],
      // Limit a byte over one entry.
      [offset + 1, last, hs + 1, entries(offset + 1, offset + 2), false],
      [half - 1, half + 1, hs + 1, entries(half - 1, half), false],
      [half, last, hs + 1, entries(half, half + 1), false],
      // Limit fits exactly two entries.
      [offset + 1, last, hs * 2, entries(offset + 1, offset + 3), false],
      [half - 2, half + 1, hs * 2, entries(half - 2, half), false],
      [half - 1, half + 1, hs * 2, entries(half - 1, half + 1), false],
      [half, last, hs * 2, entries(half, half + 2), false],
      // One byte short of three entries.
      [half - 2, half + 1, hs * 3 - 1, entries(half - 2, half), false],
      // Exactly three entries.
      [half - 1, half + 2, hs * 3, entries(half - 1, half + 2), false],
    ];
    for (const [lo, hi, lim, w, wpanic] of tests) {
      guarded(wpanic, () => {
        const { ents, err } = sliceResult(l, lo, hi, lim);
        expect(wpanic).toBe(false);
        expect(lo <= offset && err !== ErrCompacted).toBe(false);
        expect(lo > offset && err !== null).toBe(false);
        expect(ents).toEqual(w);
      });
    }
  });

  it('scan', () => {
    const offset = 47;
    const num = 20;
    const last = offset + num;
    const half = offset + num / 2;
    const entries = (from: number, to: number) => index(from).termRange(from, to);
    const esz = entsSize(entries(half, half + 1));

    const storage = new MemoryStorage();
    expect(storage.applySnapshot(snapMeta(offset, 0))).toBeNull();
    expect(storage.append(entries(offset + 1, half))).toBeNull();
    const l = newLog(storage, raftLogger);
    l.append(entries(half, last));

    // Paging must not change the result: compare with slice() over every range.
    for (const pageSize of [0, 1, 10, 100, esz, esz + 1]) {
      for (let lo = offset + 1; lo < last; lo++) {
        for (let hi = lo; hi <= last; hi++) {
          const got: Entry[] = [];
          const err = l.scan(lo, hi, pageSize, (e) => {
            got.push(...e);
            expect(e.length === 1 || entsSize(e) <= pageSize).toBe(true);
            return null;
          });
          expect(err).toBeNull();
          expect(got).toEqual(l.slice(lo, hi, NO_LIMIT));
        }
      }
    }

    // An error from the callback stops the scan and is handed back.
    const errBreak = new Error('break');
    let iters = 0;
    expect(
      l.scan(offset + 1, half, 0, () => {
        iters++;
        return iters === 2 ? errBreak : null;
      }),
    ).toBe(errBreak);
    expect(iters).toBe(2);

    // Pages are filled up to the limit rather than holding one entry each.
    expect(
      l.scan(offset + 1, offset + 11, esz * 2, (ents) => {
        expect(ents.length).toBe(2);
        expect(entsSize(ents)).toBe(esz * 2);
        return null;
      }),
    ).toBeNull();
  });

  it('toString', () => {
    const l = newLog(new MemoryStorage(), raftLogger);
    l.append(index(1).terms(1, 1));
    expect(l.toString()).toBe(
      'committed=0, applied=0, applying=0, unstable.offset=1, unstable.offsetInProgress=1, len(unstable.Entries)=2',
    );
  });
});
