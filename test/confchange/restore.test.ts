import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Changer, restore } from '../../src/confchange/index.js';
import { makeProgressTracker } from '../../src/tracker/index.js';
import { type ConfState, newConfState } from '../../src/raftpb/types.js';
import { confStateEquivalent } from '../../src/raftpb/confstate.js';

// Go's rndConfChange: a random valid, non-empty ConfState.
const rndConfState: fc.Arbitrary<ConfState> = fc
  .record({
    nVoters: fc.integer({ min: 1, max: 5 }),
    nLearners: fc.integer({ min: 0, max: 4 }),
    nRemovedVoters: fc.integer({ min: 0, max: 2 }),
    retainedFrac: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    learnersNextFrac: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    autoLeave: fc.boolean(),
    seed: fc.integer(),
  })
  .chain((r) =>
    fc
      .shuffledSubarray(
        Array.from({ length: 2 * (r.nVoters + r.nLearners + r.nRemovedVoters) }, (_, i) => i + 1),
        { minLength: 2 * (r.nVoters + r.nLearners + r.nRemovedVoters) },
      )
      .map((perm) => {
        let ids = perm;
        const cs = newConfState();
        cs.voters = ids.slice(0, r.nVoters);
        ids = ids.slice(r.nVoters);
        if (r.nLearners > 0) {
          cs.learners = ids.slice(0, r.nLearners);
          ids = ids.slice(r.nLearners);
        }
        const nRetained = Math.floor(r.retainedFrac * (r.nVoters + 1));
        if (nRetained > 0 || r.nRemovedVoters > 0) {
          cs.votersOutgoing = [...cs.voters.slice(0, nRetained), ...ids.slice(0, r.nRemovedVoters)];
        }
        if (r.nRemovedVoters > 0) {
          const nLearnersNext = Math.floor(r.learnersNextFrac * (r.nRemovedVoters + 1));
          if (nLearnersNext > 0) cs.learnersNext = ids.slice(0, nLearnersNext);
        }
        cs.autoLeave = cs.votersOutgoing.length > 0 && r.autoLeave;
        return cs;
      }),
  );

function check(cs: ConfState): void {
  const tracker = makeProgressTracker(20, 0);
  const chg = new Changer(tracker, 10);
  const [cfg, trk] = restore(chg, cs);
  // The caller's tracker is untouched (Go passes the Changer by value).
  expect(tracker.config.toString()).toBe('voters=()');
  expect(tracker.progress.size).toBe(0);
  chg.tracker.config = cfg;
  chg.tracker.progress = trk;

  const num = (a: number, b: number) => a - b;
  const want: ConfState = {
    voters: [...cs.voters].sort(num),
    learners: [...cs.learners].sort(num),
    votersOutgoing: [...cs.votersOutgoing].sort(num),
    learnersNext: [...cs.learnersNext].sort(num),
    autoLeave: cs.autoLeave,
  };
  const cs2 = chg.tracker.confState();
  expect(cs2).toEqual(want);
  expect(confStateEquivalent(cs, cs2)).toBeNull();
  expect(confStateEquivalent(cs2, cs)).toBeNull();
}

describe('Restore', () => {
  it('unit cases', () => {
    for (const cs of [
      newConfState(),
      newConfState({ voters: [1, 2, 3] }),
      newConfState({ voters: [1, 2, 3], learners: [4, 5, 6] }),
      newConfState({ voters: [1, 2, 3], learners: [5], votersOutgoing: [1, 2, 4, 6], learnersNext: [4] }),
    ]) {
      check(cs);
    }
  });

  it('restores the joint config of the doc example', () => {
    const cs = newConfState({ voters: [1, 2, 3], learners: [5], votersOutgoing: [1, 2, 4, 6], learnersNext: [4], autoLeave: true });
    const [cfg, trk] = restore(new Changer(makeProgressTracker(20, 0), 10), cs);
    expect(cfg.toString()).toBe('voters=(1 2 3)&&(1 2 4 6) learners=(5) learners_next=(4) autoleave');
    expect([...trk.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('quick: restore round-trips random ConfStates', () => {
    fc.assert(fc.property(rndConfState, (cs) => check(cs)), { numRuns: 1000 });
  });

  it('throws on an invalid ConfState', () => {
    const chg = () => new Changer(makeProgressTracker(20, 0), 10);
    // Learners without voters.
    expect(() => restore(chg(), newConfState({ learners: [1] }))).toThrow('removed all voters');
    // A learner that is also a voter ends up a learner only (as in Go).
    const [cfg] = restore(chg(), newConfState({ voters: [1, 2], learners: [2] }));
    expect(cfg.toString()).toBe('voters=(1) learners=(2)');
  });
});
