// Port of log_unstable_test.go.
import { describe, expect, it } from 'vitest';
import { newSnapshot, type Entry, type Snapshot } from '../../src/raftpb/types.js';
import { Unstable } from '../../src/raft/log_unstable.js';
import { index, quietLogger } from './helpers.js';

const snap = (i: number, t: number): Snapshot => newSnapshot({ metadata: { index: i, term: t } });
const logger = quietLogger;

function mk(entries: Entry[], offset: number, snapshot?: Snapshot, offsetInProgress = 0, snapshotInProgress = false): Unstable {
  return new Unstable({ entries: entries.slice(), offset, snapshot, offsetInProgress, snapshotInProgress, logger });
}

describe('unstable', () => {
  it('maybeFirstIndex', () => {
    const tests: [Entry[], number, Snapshot | undefined, boolean, number][] = [
      // without a snapshot the first index is unknown
      [index(5).terms(1), 5, undefined, false, 0],
      [[], 0, undefined, false, 0],
      // with a snapshot: the index right after it
      [index(5).terms(1), 5, snap(4, 1), true, 5],
      [[], 5, snap(4, 1), true, 5],
    ];
    for (const [entries, offset, s, wok, windex] of tests) {
      const i = mk(entries, offset, s).maybeFirstIndex();
      expect(i !== undefined).toBe(wok);
      expect(i ?? 0).toBe(windex);
    }
  });

  it('maybeLastIndex', () => {
    const tests: [Entry[], number, Snapshot | undefined, boolean, number][] = [
      // the last entry wins
      [index(5).terms(1), 5, undefined, true, 5],
      [index(5).terms(1), 5, snap(4, 1), true, 5],
      // only a snapshot: its index
      [[], 5, snap(4, 1), true, 4],
      // nothing at all: unknown
      [[], 0, undefined, false, 0],
    ];
    for (const [entries, offset, s, wok, windex] of tests) {
      const i = mk(entries, offset, s).maybeLastIndex();
      expect(i !== undefined).toBe(wok);
      expect(i ?? 0).toBe(windex);
    }
  });

  it('maybeTerm', () => {
    const tests: [Entry[], number, Snapshot | undefined, number, boolean, number][] = [
      // indexes covered by the entries
      [index(5).terms(1), 5, undefined, 5, true, 1],
      [index(5).terms(1), 5, undefined, 6, false, 0],
      [index(5).terms(1), 5, undefined, 4, false, 0],
      [index(5).terms(1), 5, snap(4, 1), 5, true, 1],
      [index(5).terms(1), 5, snap(4, 1), 6, false, 0],
      // the snapshot's own index, and neighbours outside any range
      [index(5).terms(1), 5, snap(4, 1), 4, true, 1],
      [index(5).terms(1), 5, snap(4, 1), 3, false, 0],
      [[], 5, snap(4, 1), 5, false, 0],
      [[], 5, snap(4, 1), 4, true, 1],
      [[], 0, undefined, 5, false, 0],
    ];
    for (const [entries, offset, s, i, wok, wterm] of tests) {
      const t = mk(entries, offset, s).maybeTerm(i);
      expect(t !== undefined).toBe(wok);
      expect(t ?? 0).toBe(wterm);
    }
  });

  it('restore', () => {
    const u = mk(index(5).terms(1), 5, snap(4, 1), 6, true);
    const s = snap(6, 2);
    u.restore(s);
    expect(u.offset).toBe(s.metadata.index + 1);
    expect(u.offsetInProgress).toBe(s.metadata.index + 1);
    expect(u.entries.length).toBe(0);
    expect(u.snapshot).toEqual(s);
    expect(u.snapshotInProgress).toBe(false);
  });

  it('nextEntries', () => {
    const tests: [Entry[], number, number, Entry[]][] = [
      // all entries still to be handed out
      [index(5).terms(1, 1), 5, 5, index(5).terms(1, 1)],
      // first entry already handed out
      [index(5).terms(1, 1), 5, 6, index(6).terms(1)],
      // all handed out: nothing left
      [index(5).terms(1, 1), 5, 7, []],
    ];
    for (const [entries, offset, offsetInProgress, wentries] of tests) {
      expect(mk(entries, offset, undefined, offsetInProgress).nextEntries()).toEqual(wentries);
    }
  });

  it('nextSnapshot', () => {
    const s = snap(4, 1);
    const tests: [Snapshot | undefined, boolean, Snapshot | undefined][] = [
      // no pending snapshot
      [undefined, false, undefined],
      // pending and not yet handed out
      [s, false, s],
      // already handed out: not returned again
      [s, true, undefined],
    ];
    for (const [sn, inProgress, wsnap] of tests) {
      expect(mk([], 0, sn, 0, inProgress).nextSnapshot()).toBe(wsnap);
    }
  });

  it('acceptInProgress', () => {
    const s = snap(4, 1);
    const tests: [Entry[], Snapshot | undefined, number, boolean, number, boolean][] = [
      [[], undefined, 5, false, 5, false],
      [index(5).terms(1), undefined, 5, false, 6, false],
      [index(5).terms(1, 1), undefined, 5, false, 7, false],
      [index(5).terms(1, 1), undefined, 6, false, 7, false],
      [index(5).terms(1, 1), undefined, 7, false, 7, false],
      // same, plus a pending snapshot that becomes in progress
      [[], s, 5, false, 5, true],
      [index(5).terms(1), s, 5, false, 6, true],
      [index(5).terms(1, 1), s, 5, false, 7, true],
      [index(5).terms(1, 1), s, 6, false, 7, true],
      [index(5).terms(1, 1), s, 7, false, 7, true],
      [[], s, 5, true, 5, true],
      [index(5).terms(1), s, 5, true, 6, true],
      [index(5).terms(1, 1), s, 5, true, 7, true],
      [index(5).terms(1, 1), s, 6, true, 7, true],
      [index(5).terms(1, 1), s, 7, true, 7, true],
    ];
    for (const [entries, sn, oip, sip, woip, wsip] of tests) {
      const u = mk(entries, 0, sn, oip, sip);
      u.acceptInProgress();
      expect(u.offsetInProgress).toBe(woip);
      expect(u.snapshotInProgress).toBe(wsip);
    }
  });

  it('stableTo', () => {
    const tests: [Entry[], number, number, Snapshot | undefined, number, number, number, number, number][] = [
      [[], 0, 0, undefined, 5, 1, 0, 0, 0],
      [index(5).terms(1), 5, 6, undefined, 5, 1, 6, 6, 0], // first entry persisted
      [index(5).terms(1, 1), 5, 6, undefined, 5, 1, 6, 6, 1], // first entry persisted, one left
      [index(5).terms(1, 1), 5, 7, undefined, 5, 1, 6, 7, 1], // first persisted while the second is still in flight
      [index(6).terms(2), 6, 7, undefined, 6, 1, 6, 7, 1], // index matches but the term differs: ignored
      [index(5).terms(1), 5, 6, undefined, 4, 1, 5, 6, 1], // index below offset: ignored
      [index(5).terms(1), 5, 6, undefined, 4, 2, 5, 6, 1], // index below offset: ignored
      // same cases with a pending snapshot
      [index(5).terms(1), 5, 6, snap(4, 1), 5, 1, 6, 6, 0],
      [index(5).terms(1, 1), 5, 6, snap(4, 1), 5, 1, 6, 6, 1],
      [index(5).terms(1, 1), 5, 7, snap(4, 1), 5, 1, 6, 7, 1],
      [index(6).terms(2), 6, 7, snap(5, 1), 6, 1, 6, 7, 1],
      [index(5).terms(1), 5, 6, snap(4, 1), 4, 1, 5, 6, 1], // snapshot index with the right term: still ignored
      [index(5).terms(2), 5, 6, snap(4, 2), 4, 1, 5, 6, 1], // snapshot index, wrong term: ignored
    ];
    for (const [entries, offset, oip, sn, idx, term, woffset, woip, wlen] of tests) {
      const u = mk(entries, offset, sn, oip);
      u.stableTo({ term, index: idx });
      expect(u.offset).toBe(woffset);
      expect(u.offsetInProgress).toBe(woip);
      expect(u.entries.length).toBe(wlen);
    }
  });

  it('truncateAndAppend', () => {
    const tests: [Entry[], number, number, Entry[], number, number, Entry[]][] = [
      // new entries follow directly
      [index(5).terms(1), 5, 5, index(6).terms(1, 1), 5, 5, index(5).terms(1, 1, 1)],
      [index(5).terms(1), 5, 6, index(6).terms(1, 1), 5, 6, index(5).terms(1, 1, 1)],
      // new entries start at or before offset: everything replaced
      [index(5).terms(1), 5, 5, index(5).terms(2, 2), 5, 5, index(5).terms(2, 2)],
      [index(5).terms(1), 5, 5, index(4).terms(2, 2, 2), 4, 4, index(4).terms(2, 2, 2)],
      [index(5).terms(1), 5, 6, index(5).terms(2, 2), 5, 5, index(5).terms(2, 2)],
      // new entries start in the middle: cut the tail, then add
      [index(5).terms(1, 1, 1), 5, 5, index(6).terms(2), 5, 5, index(5).terms(1, 2)],
      [index(5).terms(1, 1, 1), 5, 5, index(7).terms(2, 2), 5, 5, index(5).terms(1, 1, 2, 2)],
      [index(5).terms(1, 1, 1), 5, 6, index(6).terms(2), 5, 6, index(5).terms(1, 2)],
      [index(5).terms(1, 1, 1), 5, 7, index(6).terms(2), 5, 6, index(5).terms(1, 2)],
    ];
    for (const [entries, offset, oip, toappend, woffset, woip, wentries] of tests) {
      const u = mk(entries, offset, undefined, oip);
      u.truncateAndAppend(toappend);
      expect(u.offset).toBe(woffset);
      expect(u.offsetInProgress).toBe(woip);
      expect(u.entries).toEqual(wentries);
    }
  });

  it('does not alias the appended array', () => {
    const u = mk(index(5).terms(1), 5, undefined, 5);
    const app = index(4).terms(2, 2);
    u.truncateAndAppend(app);
    u.truncateAndAppend(index(6).terms(2));
    expect(app.length).toBe(2);
  });
});
