import { describe, expect, it } from 'vitest';
import { JointConfig, MajorityConfig, VoteResult } from '../../src/quorum/index.js';
import { Config, Inflights, Progress, ProgressTracker, makeProgressTracker } from '../../src/tracker/index.js';
import { NO_LIMIT, newConfState } from '../../src/raftpb/types.js';

function tracker(voters: number[], outgoing: number[] = [], learners: number[] = []): ProgressTracker {
  const p = makeProgressTracker(10, 0);
  p.config = new Config({
    voters: new JointConfig(new MajorityConfig(voters), new MajorityConfig(outgoing)),
    learners: new Set(learners),
  });
  for (const id of [...voters, ...outgoing, ...learners]) {
    p.progress.set(id, new Progress({ next: 1, inflights: new Inflights(10, 0), isLearner: learners.includes(id) }));
  }
  return p;
}

describe('Config', () => {
  it('String', () => {
    expect(new Config().toString()).toBe('voters=()');
    const c = new Config({
      voters: new JointConfig(new MajorityConfig([3, 1, 2]), new MajorityConfig([1, 4])),
      learners: new Set([7, 5]),
      learnersNext: new Set([4]),
      autoLeave: true,
    });
    expect(c.toString()).toBe('voters=(1 2 3)&&(1 4) learners=(5 7) learners_next=(4) autoleave');
  });

  it('clone is deep and drops autoLeave like Go', () => {
    const c = new Config({
      voters: new JointConfig(new MajorityConfig([1]), new MajorityConfig([2])),
      learners: new Set([3]),
      learnersNext: new Set([2]),
      autoLeave: true,
    });
    const cl = c.clone();
    expect(cl.toString()).toBe('voters=(1)&&(2) learners=(3) learners_next=(2)');
    cl.voters.incoming.add(9);
    cl.voters.outgoing.add(9);
    cl.learners.add(9);
    cl.learnersNext.add(9);
    expect(c.toString()).toBe('voters=(1)&&(2) learners=(3) learners_next=(2) autoleave');
  });
});

describe('ProgressTracker', () => {
  it('starts empty', () => {
    const p = makeProgressTracker(5, 100);
    expect(p.maxInflight).toBe(5);
    expect(p.maxInflightBytes).toBe(100);
    expect(p.config.toString()).toBe('voters=()');
    expect(p.committed()).toBe(NO_LIMIT);
    expect(p.isSingleton()).toBe(false);
    expect(p.confState()).toEqual(newConfState());
  });

  it('confState, isSingleton, voterNodes, learnerNodes', () => {
    const p = tracker([3, 1], [4, 1], [6, 5]);
    p.config.learnersNext = new Set([4]);
    p.config.autoLeave = true;
    expect(p.confState()).toEqual(
      newConfState({ voters: [1, 3], votersOutgoing: [1, 4], learners: [5, 6], learnersNext: [4], autoLeave: true }),
    );
    expect(p.isSingleton()).toBe(false);
    expect(p.voterNodes()).toEqual([1, 3, 4]);
    expect(p.learnerNodes()).toEqual([5, 6]);
    expect(tracker([2]).isSingleton()).toBe(true);
    expect(tracker([2], [3]).isSingleton()).toBe(false);
    expect(tracker([2]).learnerNodes()).toEqual([]);
  });

  it('committed uses the match of voters only', () => {
    const p = tracker([1, 2, 3], [], [4]);
    p.progress.get(1)!.match = 10;
    p.progress.get(2)!.match = 5;
    p.progress.get(3)!.match = 1;
    p.progress.get(4)!.match = 100;
    expect(p.committed()).toBe(5);
    // Joint: both halves must have committed.
    const j = tracker([1, 2, 3], [3, 5]);
    j.progress.get(1)!.match = 10;
    j.progress.get(2)!.match = 5;
    j.progress.get(3)!.match = 7;
    j.progress.get(5)!.match = 2;
    expect(j.committed()).toBe(2);
  });

  it('visit is in id order', () => {
    const p = tracker([9, 3, 11, 1, 2, 8, 4, 7, 5]);
    const seen: number[] = [];
    p.visit((id) => seen.push(id));
    expect(seen).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 11]);
  });

  it('quorumActive ignores learners', () => {
    const p = tracker([1, 2, 3], [], [4, 5]);
    p.progress.get(1)!.recentActive = true;
    p.progress.get(4)!.recentActive = true;
    p.progress.get(5)!.recentActive = true;
    expect(p.quorumActive()).toBe(false);
    p.progress.get(3)!.recentActive = true;
    expect(p.quorumActive()).toBe(true);
  });

  it('records and tallies votes', () => {
    const p = tracker([1, 2, 3, 4, 5], [], [6]);
    p.recordVote(1, true);
    p.recordVote(1, false); // only the first vote counts
    p.recordVote(2, false);
    p.recordVote(6, true); // learner: not counted
    p.recordVote(9, true); // not tracked: not counted
    expect(p.tallyVotes()).toEqual({ granted: 1, rejected: 1, result: VoteResult.VotePending });
    p.recordVote(3, true);
    p.recordVote(4, true);
    expect(p.tallyVotes()).toEqual({ granted: 3, rejected: 1, result: VoteResult.VoteWon });
    p.resetVotes();
    p.recordVote(1, false);
    p.recordVote(2, false);
    p.recordVote(3, false);
    expect(p.tallyVotes()).toEqual({ granted: 0, rejected: 3, result: VoteResult.VoteLost });
  });
});
