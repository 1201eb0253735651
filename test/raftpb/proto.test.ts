import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MessageType,
  confChangeSize,
  confChangeV2Size,
  confStateSize,
  entrySize,
  hardStateSize,
  marshalConfChange,
  marshalConfChangeV2,
  marshalEntry,
  marshalHardState,
  messageSize,
  newConfState,
  newEntry,
  newMessage,
  newSnapshot,
  snapshotSize,
  sov,
  unmarshalConfChange,
  unmarshalConfChangeV2,
  unmarshalHardState,
  type ConfChangeTransition,
  type ConfChangeType,
} from '../../src/raftpb/index.js';

function refSov(x: number): number {
  let n = 1;
  let v = BigInt(x);
  while (v >= 0x80n) {
    v >>= 7n;
    n++;
  }
  return n;
}

describe('varint sizes', () => {
  it('matches at the boundaries', () => {
    for (let k = 0; k <= 52; k++) {
      for (const x of [2 ** k - 1, 2 ** k, 2 ** k + 1]) {
        if (x > Number.MAX_SAFE_INTEGER) continue;
        expect(sov(x), `sov(${x})`).toBe(refSov(x));
      }
    }
    expect(sov(Number.MAX_SAFE_INTEGER)).toBe(8);
    expect(sov(Infinity)).toBe(10); // MaxUint64
  });
  it('matches random values', () => {
    fc.assert(fc.property(fc.maxSafeNat(), (x) => sov(x) === refSov(x)));
  });
});

describe('Entry.Size()', () => {
  it('counts fields like gogoproto', () => {
    expect(entrySize(newEntry())).toBe(6);
    expect(entrySize(newEntry({ term: 4, index: 4 }))).toBe(6);
    expect(entrySize(newEntry({ term: 128, index: 2 ** 21 }))).toBe(3 + 1 + 2 + 4);
    // Nil data is absent; empty data is an empty field.
    expect(entrySize(newEntry({ data: new Uint8Array(0) }))).toBe(8);
    expect(entrySize(newEntry({ data: new Uint8Array(2) }))).toBe(10);
    expect(entrySize(newEntry({ data: new Uint8Array(128) }))).toBe(6 + 1 + 2 + 128);
  });
  it('equals the encoded length', () => {
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.maxSafeNat(),
        fc.constantFrom(0, 1, 2),
        fc.option(fc.uint8Array({ maxLength: 300 }), { nil: undefined }),
        (term, index, type, data) => {
          const e = newEntry({ term, index, type: type as 0 | 1 | 2, data });
          return marshalEntry(e).length === entrySize(e);
        },
      ),
    );
  });
  it('encodes like gogoproto', () => {
    expect([...marshalEntry(newEntry({ term: 1, index: 300, data: new Uint8Array([7]) }))]).toEqual([
      0x08, 0x00, 0x10, 0x01, 0x18, 0xac, 0x02, 0x22, 0x01, 0x07,
    ]);
  });
});

describe('other sizes', () => {
  it('HardState', () => {
    expect(hardStateSize({ term: 0, vote: 0, commit: 0 })).toBe(6);
    const hs = { term: 300, vote: 2, commit: 2 ** 40 };
    expect(hardStateSize(hs)).toBe(3 + 2 + 1 + 6);
    expect(marshalHardState(hs).length).toBe(hardStateSize(hs));
    expect(unmarshalHardState(marshalHardState(hs))).toEqual(hs);
  });
  it('ConfState and Snapshot', () => {
    expect(confStateSize(newConfState())).toBe(2);
    expect(confStateSize(newConfState({ voters: [1, 2, 3], learners: [200] }))).toBe(2 + 6 + 3);
    const snap = newSnapshot({ metadata: { confState: newConfState({ voters: [1, 2, 3] }), index: 5, term: 1 } });
    expect(snapshotSize(snap)).toBe(16);
    expect(snapshotSize(newSnapshot({ data: new Uint8Array(0) }))).toBe(2 + 1 + 8 + 1);
  });
  it('Message', () => {
    expect(messageSize(newMessage())).toBe(20);
    const app = newMessage({
      type: MessageType.MsgApp,
      to: 2,
      from: 1,
      term: 1,
      logTerm: 1,
      index: 10,
      commit: 10,
      entries: [newEntry({ term: 1, index: 11 })],
    });
    expect(messageSize(app)).toBe(28);
    const snap = newSnapshot({ metadata: { confState: newConfState({ voters: [1, 2, 3] }), index: 5, term: 1 } });
    expect(messageSize(newMessage({ type: MessageType.MsgSnap, snapshot: snap }))).toBe(20 + 18);
    expect(messageSize(newMessage({ context: new Uint8Array(3) }))).toBe(20 + 5);
    expect(messageSize(newMessage({ responses: [newMessage()] }))).toBe(20 + 22);
  });
  it('ConfChange sizes equal encoded lengths', () => {
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.constantFrom(0, 1, 2, 3),
        fc.maxSafeNat(),
        fc.option(fc.uint8Array({ maxLength: 200 }), { nil: undefined }),
        (id, type, nodeId, context) => {
          const cc = { id, type: type as ConfChangeType, nodeId, ...(context ? { context } : {}) };
          const b = marshalConfChange(cc);
          expect(b.length).toBe(confChangeSize(cc));
          expect(unmarshalConfChange(b)).toEqual(cc);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2),
        fc.array(fc.record({ type: fc.constantFrom(0, 1, 2, 3), nodeId: fc.maxSafeNat() }), { maxLength: 5 }),
        fc.option(fc.uint8Array({ maxLength: 200 }), { nil: undefined }),
        (transition, changes, context) => {
          const cc = {
            transition: transition as ConfChangeTransition,
            changes: changes as Array<{ type: ConfChangeType; nodeId: number }>,
            ...(context ? { context } : {}),
          };
          const b = marshalConfChangeV2(cc);
          expect(b.length).toBe(confChangeV2Size(cc));
          expect(unmarshalConfChangeV2(b)).toEqual(cc);
        },
      ),
    );
  });
});
