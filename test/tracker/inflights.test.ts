import { describe, expect, it } from 'vitest';
import { Inflights, type Inflight, type InflightsState } from '../../src/tracker/inflights.js';

function inflightsBuffer(indices: number[], sizes: number[]): Inflight[] {
  if (indices.length !== sizes.length) throw new Error('len(indices) != len(sizes)');
  return indices.map((index, i) => ({ index, bytes: sizes[i]! }));
}

function want(s: Omit<InflightsState, 'maxBytes'> & { maxBytes?: number }): InflightsState {
  return { maxBytes: 0, ...s };
}

const zeros = (n: number) => new Array<number>(n).fill(0);

describe('Inflights', () => {
  it('Add', () => {
    // buffer starting at slot 0: no wrap-around
    const in1 = Inflights.fromState({ size: 10, buffer: inflightsBuffer(zeros(10), zeros(10)) });
    for (let i = 0; i < 5; i++) in1.add(i, 100 + i);
    expect(in1.state()).toEqual(
      want({
        start: 0,
        count: 5,
        bytes: 510,
        size: 10,
        buffer: inflightsBuffer([0, 1, 2, 3, 4, 0, 0, 0, 0, 0], [100, 101, 102, 103, 104, 0, 0, 0, 0, 0]),
      }),
    );
    for (let i = 5; i < 10; i++) in1.add(i, 100 + i);
    expect(in1.state()).toEqual(
      want({
        start: 0,
        count: 10,
        bytes: 1045,
        size: 10,
        buffer: inflightsBuffer(
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
          [100, 101, 102, 103, 104, 105, 106, 107, 108, 109],
        ),
      }),
    );

    // start at slot 5 so the ring wraps
    const in2 = Inflights.fromState({ start: 5, size: 10, buffer: inflightsBuffer(zeros(10), zeros(10)) });
    for (let i = 0; i < 5; i++) in2.add(i, 100 + i);
    expect(in2.state()).toEqual(
      want({
        start: 5,
        count: 5,
        bytes: 510,
        size: 10,
        buffer: inflightsBuffer([0, 0, 0, 0, 0, 0, 1, 2, 3, 4], [0, 0, 0, 0, 0, 100, 101, 102, 103, 104]),
      }),
    );
    for (let i = 5; i < 10; i++) in2.add(i, 100 + i);
    expect(in2.state()).toEqual(
      want({
        start: 5,
        count: 10,
        bytes: 1045,
        size: 10,
        buffer: inflightsBuffer(
          [5, 6, 7, 8, 9, 0, 1, 2, 3, 4],
          [105, 106, 107, 108, 109, 100, 101, 102, 103, 104],
        ),
      }),
    );
  });

  it('FreeTo', () => {
    const in1 = new Inflights(10, 0);
    for (let i = 0; i < 10; i++) in1.add(i, 100 + i);
    const full = inflightsBuffer(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [100, 101, 102, 103, 104, 105, 106, 107, 108, 109],
    );

    in1.freeLE(0);
    expect(in1.state()).toEqual(want({ start: 1, count: 9, bytes: 945, size: 10, buffer: full }));
    in1.freeLE(4);
    expect(in1.state()).toEqual(want({ start: 5, count: 5, bytes: 535, size: 10, buffer: full }));
    in1.freeLE(8);
    expect(in1.state()).toEqual(want({ start: 9, count: 1, bytes: 109, size: 10, buffer: full }));

    // adding more wraps past the end of the ring
    for (let i = 10; i < 15; i++) in1.add(i, 100 + i);
    in1.freeLE(12);
    const rotated = inflightsBuffer(
      [10, 11, 12, 13, 14, 5, 6, 7, 8, 9],
      [110, 111, 112, 113, 114, 105, 106, 107, 108, 109],
    );
    expect(in1.state()).toEqual(want({ start: 3, count: 2, bytes: 227, size: 10, buffer: rotated }));
    in1.freeLE(14);
    expect(in1.state()).toEqual(want({ start: 0, count: 0, bytes: 0, size: 10, buffer: rotated }));
  });

  describe('Full', () => {
    const cases: { name: string; size: number; maxBytes?: number; fullAt: number; freeLE?: number; againAt?: number }[] = [
      { name: 'always-full', size: 0, fullAt: 0 },
      { name: 'single-entry', size: 1, fullAt: 1, freeLE: 1, againAt: 2 },
      { name: 'single-entry-overflow', size: 1, maxBytes: 10, fullAt: 1, freeLE: 1, againAt: 2 },
      { name: 'multi-entry', size: 15, fullAt: 15, freeLE: 6, againAt: 22 },
      { name: 'slight-overflow', size: 8, maxBytes: 400, fullAt: 4, freeLE: 2, againAt: 7 },
      { name: 'exact-max-bytes', size: 8, maxBytes: 406, fullAt: 4, freeLE: 3, againAt: 8 },
      { name: 'larger-overflow', size: 15, maxBytes: 408, fullAt: 5, freeLE: 1, againAt: 6 },
    ];
    for (const tc of cases) {
      it(tc.name, () => {
        const in_ = new Inflights(tc.size, tc.maxBytes ?? 0);
        const addUntilFull = (begin: number, end: number) => {
          for (let i = begin; i < end; i++) {
            expect(in_.full(), `full at ${i}, want ${end}`).toBe(false);
            in_.add(i, 100 + i);
          }
          expect(in_.full(), `not full at ${end}`).toBe(true);
        };
        addUntilFull(0, tc.fullAt);
        in_.freeLE(tc.freeLE ?? 0);
        addUntilFull(tc.fullAt, tc.againAt ?? 0);
        expect(() => in_.add(100, 1024)).toThrow('cannot add into a Full inflights');
      });
    }
  });

  it('Reset', () => {
    const in_ = new Inflights(10, 1000);
    // reset() must clear the byte count too, or 100 rounds would exhaust maxBytes.
    let index = 0;
    for (let epoch = 0; epoch < 100; epoch++) {
      in_.reset();
      for (let i = 0; i < 5; i++) {
        expect(in_.full()).toBe(false);
        index++;
        in_.add(index, 16);
      }
      in_.freeLE(index - 2);
      expect(in_.full()).toBe(false);
      expect(in_.count()).toBe(2);
    }
    in_.freeLE(index);
    expect(in_.count()).toBe(0);
  });

  it('grows on demand by doubling up to size', () => {
    const in_ = new Inflights(5, 0);
    expect(in_.state().buffer.length).toBe(0);
    in_.add(1, 1);
    expect(in_.state().buffer.length).toBe(1);
    in_.add(2, 1);
    expect(in_.state().buffer.length).toBe(2);
    in_.add(3, 1);
    expect(in_.state().buffer.length).toBe(4);
    in_.add(4, 1);
    in_.add(5, 1);
    expect(in_.state().buffer.length).toBe(5);
    expect(in_.bytes()).toBe(5);
  });

  it('clone shares no memory', () => {
    const in_ = new Inflights(4, 0);
    in_.add(1, 10);
    const c = in_.clone();
    c.add(2, 20);
    expect(in_.count()).toBe(1);
    expect(c.count()).toBe(2);
    expect(c.state()).toEqual({ ...in_.state(), count: 2, bytes: 30, buffer: inflightsBuffer([1, 2], [10, 20]) });
  });

  it('no byte limit with NO_LIMIT', () => {
    const in_ = new Inflights(2, Infinity);
    in_.add(1, 1e15);
    expect(in_.full()).toBe(false);
  });
});
