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
      // no snapshot
      [index(5).terms(1), 5, undefined, false, 0],
      [[], 0, undefined, false, 0],
      // has snapshot
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
      // last in entries
      [index(5).terms(1), 5, undefined, true, 5],
      [index(5).terms(1), 5, snap(4, 1), true, 5],
      // last in snapshot
      [[], 5, snap(4, 1), true, 4],
      // empty unstable
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
      // term from entries
      [index(5).terms(1), 5, undefined, 5, true, 1],
      [index(5).terms(1), 5, undefined, 6, false, 0],
      [index(5).terms(1), 5, undefined, 4, false, 0],
      [index(5).terms(1), 5, snap(4, 1), 5, true, 1],
      [index(5).terms(1), 5, snap(4, 1), 6, false, 0],
      // term from snapshot
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
      // nothing in progress
      [index(5).terms(1, 1), 5, 5, index(5).terms(1, 1)],
      // partially in progress
      [index(5).terms(1, 1), 5, 6, index(6).terms(1)],
      // everything in progress
      [index(5).terms(1, 1), 5, 7, []],
    ];
    for (const [entries, offset, offsetInProgress, wentries] of tests) {
      expect(mk(entries, offset, undefined, offsetInProgress).nextEntries()).toEqual(wentries);
    }
  });

  it('nextSnapshot', () => {
    const s = snap(4, 1);
    const tests: [Snapshot | undefined, boolean, Snapshot | undefined][] = [
      // snapshot not unstable
      [undefined, false, undefined],
      // snapshot not in progress
      [s, false, s],
      // snapshot in progress
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
      // with snapshot
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
      [index(5).terms(1), 5, 6, undefined, 5, 1, 6, 6, 0], // stable to the first entry
      [index(5).terms(1, 1), 5, 6, undefined, 5, 1, 6, 6, 1], // stable to the first entry
      [index(5).terms(1, 1), 5, 7, undefined, 5, 1, 6, 7, 1], // stable to the first entry and in-progress ahead
      [index(6).terms(2), 6, 7, undefined, 6, 1, 6, 7, 1], // stable to the first entry and term mismatch
      [index(5).terms(1), 5, 6, undefined, 4, 1, 5, 6, 1], // stable to old entry
      [index(5).terms(1), 5, 6, undefined, 4, 2, 5, 6, 1], // stable to old entry
      // with snapshot
      [index(5).terms(1), 5, 6, snap(4, 1), 5, 1, 6, 6, 0],
      [index(5).terms(1, 1), 5, 6, snap(4, 1), 5, 1, 6, 6, 1],
      [index(5).terms(1, 1), 5, 7, snap(4, 1), 5, 1, 6, 7, 1],
      [index(6).terms(2), 6, 7, snap(5, 1), 6, 1, 6, 7, 1],
      [index(5).terms(1), 5, 6, snap(4, 1), 4, 1, 5, 6, 1], // stable to snapshot
      [index(5).terms(2), 5, 6, snap(4, 2), 4, 1, 5, 6, 1], // stable to old entry
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
      // append to the end
      [index(5).terms(1), 5, 5, index(6).terms(1, 1), 5, 5, index(5).terms(1, 1, 1)],
      [index(5).terms(1), 5, 6, index(6).terms(1, 1), 5, 6, index(5).terms(1, 1, 1)],
      // replace the unstable entries
      [index(5).terms(1), 5, 5, index(5).terms(2, 2), 5, 5, index(5).terms(2, 2)],
      [index(5).terms(1), 5, 5, index(4).terms(2, 2, 2), 4, 4, index(4).terms(2, 2, 2)],
      [index(5).terms(1), 5, 6, index(5).terms(2, 2), 5, 5, index(5).terms(2, 2)],
      // truncate the existing entries and append
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
