import { describe, expect, it } from 'vitest';
import { confStateEquivalent, formatConfStatePlusV, formatConfStateV, newConfState } from '../../src/raftpb/index.js';

describe('ConfState.Equivalent', () => {
  const cases: Array<[ReturnType<typeof newConfState>, ReturnType<typeof newConfState>, boolean]> = [
    // Order inside each set does not matter.
    [
      newConfState({ voters: [1, 2, 3], learners: [5, 4, 6], votersOutgoing: [9, 8, 7], learnersNext: [10, 20, 15] }),
      newConfState({ voters: [1, 2, 3], learners: [4, 5, 6], votersOutgoing: [7, 9, 8], learnersNext: [20, 10, 15] }),
      true,
    ],
    // An empty voter list equals a missing one.
    [newConfState({ voters: [] }), newConfState(), true],
    // Different voter sets.
    [newConfState({ voters: [1, 2, 3, 4] }), newConfState({ voters: [2, 1, 3] }), false],
    [newConfState({ voters: [1, 4, 3] }), newConfState({ voters: [2, 1, 3] }), false],
    // Upstream meant this one for learners, but it compares voters too.
    [newConfState({ voters: [1, 2, 3, 4] }), newConfState({ voters: [2, 1, 3] }), false],
    // autoLeave is part of the comparison.
    [newConfState({ autoLeave: true }), newConfState(), false],
  ];
  cases.forEach(([a, b, ok], i) => {
    it(`#${i}`, () => {
      expect(confStateEquivalent(a, b) === null).toBe(ok);
    });
  });

  it('does not reorder its inputs', () => {
    const a = newConfState({ voters: [3, 1, 2] });
    confStateEquivalent(a, newConfState({ voters: [1, 2, 3] }));
    expect(a.voters).toEqual([3, 1, 2]);
  });

  it('describes the mismatch like Go (%+#v)', () => {
    const err = confStateEquivalent(newConfState({ voters: [2, 1], autoLeave: true }), newConfState({ voters: [1] }));
    expect(err?.message).toBe(
      'ConfStates not equivalent after sorting:\n' +
        'raftpb.ConfState{Voters:[]uint64{0x1, 0x2}, Learners:[]uint64(nil), VotersOutgoing:[]uint64(nil), LearnersNext:[]uint64(nil), AutoLeave:true}\n' +
        'raftpb.ConfState{Voters:[]uint64{0x1}, Learners:[]uint64(nil), VotersOutgoing:[]uint64(nil), LearnersNext:[]uint64(nil), AutoLeave:false}\n' +
        'Inputs were:\n' +
        'raftpb.ConfState{Voters:[]uint64{0x2, 0x1}, Learners:[]uint64(nil), VotersOutgoing:[]uint64(nil), LearnersNext:[]uint64(nil), AutoLeave:true}\n' +
        'raftpb.ConfState{Voters:[]uint64{0x1}, Learners:[]uint64(nil), VotersOutgoing:[]uint64(nil), LearnersNext:[]uint64(nil), AutoLeave:false}',
    );
  });
});

describe('ConfState formatting', () => {
  it('%v and %+v', () => {
    const cs = newConfState({ voters: [1, 2], learnersNext: [3] });
    expect(formatConfStateV(cs)).toBe('{[1 2] [] [] [3] false}');
    expect(formatConfStatePlusV(cs)).toBe('{Voters:[1 2] Learners:[] VotersOutgoing:[] LearnersNext:[3] AutoLeave:false}');
  });
});
