// Port of storage_test.go.
import { describe, expect, it } from 'vitest';
import { NO_LIMIT, newConfState, type Entry, type Snapshot } from '../../src/raftpb/types.js';
import { entrySize } from '../../src/raftpb/proto.js';
import { ErrCompacted, ErrSnapOutOfDate, ErrUnavailable, MemoryStorage } from '../../src/raft/storage.js';
import { bytes, index, storageWithEnts } from './helpers.js';

function attempt<T>(f: () => T): { v?: T; err?: unknown } {
  try {
    return { v: f() };
  } catch (err) {
    return { err };
  }
}

describe('MemoryStorage', () => {
  it('term', () => {
    const ents = index(3).terms(3, 4, 5);
    const tests: [number, Error | null, number][] = [
      [2, ErrCompacted, 0],
      [3, null, 3],
      [4, null, 4],
      [5, null, 5],
      [6, ErrUnavailable, 0],
    ];
    for (const [i, werr, wterm] of tests) {
      const s = storageWithEnts(ents);
      const r = attempt(() => s.term(i));
      if (werr !== null) {
        expect(r.err).toBe(werr);
      } else {
        expect(r.err).toBeUndefined();
        expect(r.v).toBe(wterm);
      }
    }
  });

  it('entries', () => {
    const ents = index(3).terms(3, 4, 5, 6);
    const sz = (i: number) => entrySize(ents[i]!);
    const tests: [number, number, number, Error | null, Entry[]][] = [
      [2, 6, NO_LIMIT, ErrCompacted, []],
      [3, 4, NO_LIMIT, ErrCompacted, []],
      [4, 5, NO_LIMIT, null, index(4).terms(4)],
      [4, 6, NO_LIMIT, null, index(4).terms(4, 5)],
      [4, 7, NO_LIMIT, null, index(4).terms(4, 5, 6)],
      // a zero size limit still yields one entry
      [4, 7, 0, null, index(4).terms(4)],
      // exactly two entries fit
      [4, 7, sz(1) + sz(2), null, index(4).terms(4, 5)],
      // a third entry does not fit
      [4, 7, sz(1) + sz(2) + Math.floor(sz(3) / 2), null, index(4).terms(4, 5)],
      [4, 7, sz(1) + sz(2) + sz(3) - 1, null, index(4).terms(4, 5)],
      // all three fit exactly
      [4, 7, sz(1) + sz(2) + sz(3), null, index(4).terms(4, 5, 6)],
    ];
    for (const [lo, hi, maxsize, werr, wentries] of tests) {
      const s = storageWithEnts(ents);
      const r = attempt(() => s.entries(lo, hi, maxsize));
      if (werr !== null) {
        expect(r.err).toBe(werr);
      } else {
        expect(r.err).toBeUndefined();
        expect(r.v).toEqual(wentries);
      }
    }
  });

  it('lastIndex', () => {
    const s = storageWithEnts(index(3).terms(3, 4, 5));
    expect(s.lastIndex()).toBe(5);
    expect(s.append(index(6).terms(5))).toBeNull();
    expect(s.lastIndex()).toBe(6);
  });

  it('firstIndex', () => {
    const s = storageWithEnts(index(3).terms(3, 4, 5));
    expect(s.firstIndex()).toBe(4);
    expect(s.compact(4)).toBeNull();
    expect(s.firstIndex()).toBe(5);
  });

  it('compact', () => {
    const ents = index(3).terms(3, 4, 5);
    const tests: [number, Error | null, number, number, number][] = [
      [2, ErrCompacted, 3, 3, 3],
      [3, ErrCompacted, 3, 3, 3],
      [4, null, 4, 4, 2],
      [5, null, 5, 5, 1],
    ];
    for (const [i, werr, windex, wterm, wlen] of tests) {
      const s = storageWithEnts(ents);
      expect(s.compact(i)).toBe(werr);
      expect(s.ents[0]!.index).toBe(windex);
      expect(s.ents[0]!.term).toBe(wterm);
      expect(s.ents.length).toBe(wlen);
    }
  });

  it('createSnapshot', () => {
    const ents = index(3).terms(3, 4, 5);
    const cs = newConfState({ voters: [1, 2, 3] });
    const data = bytes('data');
    const tests: [number, Snapshot][] = [
      [4, { data, metadata: { index: 4, term: 4, confState: cs } }],
      [5, { data, metadata: { index: 5, term: 5, confState: cs } }],
    ];
    for (const [i, wsnap] of tests) {
      const s = storageWithEnts(ents);
      expect(s.createSnapshot(i, cs, data)).toEqual(wsnap);
    }
  });

  it('append', () => {
    const ents = index(3).terms(3, 4, 5);
    const tests: [Entry[], Entry[]][] = [
      [index(1).terms(1, 2), index(3).terms(3, 4, 5)],
      [index(3).terms(3, 4, 5), index(3).terms(3, 4, 5)],
      [index(3).terms(3, 6, 6), index(3).terms(3, 6, 6)],
      [index(3).terms(3, 4, 5, 5), index(3).terms(3, 4, 5, 5)],
      // Input starts below the first index: its head is dropped, then it overwrites.
      [index(2).terms(3, 3, 5), index(3).terms(3, 5)],
      // Overwrite from the middle of the stored entries.
      [index(4).terms(5), index(3).terms(3, 5)],
      // Starts right after the last stored entry.
      [index(6).terms(5), index(3).terms(3, 4, 5, 5)],
    ];
    for (const [entries, wentries] of tests) {
      const s = storageWithEnts(ents);
      expect(s.append(entries)).toBeNull();
      expect(s.ents).toEqual(wentries);
    }
  });

  it('applySnapshot', () => {
    const cs = newConfState({ voters: [1, 2, 3] });
    const data = bytes('data');
    const tests: Snapshot[] = [
      { data, metadata: { index: 4, term: 4, confState: cs } },
      { data, metadata: { index: 3, term: 3, confState: cs } },
    ];
    const s = new MemoryStorage();
    expect(s.applySnapshot(tests[0]!)).toBeNull();
    // An older snapshot is refused.
    expect(s.applySnapshot(tests[1]!)).toBe(ErrSnapOutOfDate);
  });

  it('appends one entry at a time and serves short ranges', () => {
    const s = new MemoryStorage();
    const n = 200_000;
    for (let i = 1; i <= n; i++) s.append([{ term: 1, index: i, type: 0 }]);
    for (let i = 1; i <= n; i += 7) s.entries(i, Math.min(i + 3, n + 1), NO_LIMIT);
    expect(s.lastIndex()).toBe(n);
    expect(s.entries(n - 2, n + 1, NO_LIMIT).map((e) => e.index)).toEqual([n - 2, n - 1, n]);
  });
});
