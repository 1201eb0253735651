// The active membership configuration and the per-peer progress the leader
// tracks for it.
import { type ConfState, newConfState } from '../raftpb/types.js';
import { type AckedIndexer, type Index, VoteResult } from '../quorum/quorum.js';
import { MajorityConfig, majorityString } from '../quorum/majority.js';
import { JointConfig } from '../quorum/joint.js';
import { type Progress, type ProgressMap } from './progress.js';

function sorted(s: Iterable<number>): number[] {
  return Array.from(s).sort((a, b) => a - b);
}

export interface ConfigInit {
  voters?: JointConfig;
  autoLeave?: boolean;
  learners?: Set<number>;
  learnersNext?: Set<number>;
}

// Go distinguishes nil from empty maps for learners, learnersNext and the
// outgoing voters, but the Changer keeps them nil exactly when they are
// empty; so an empty set here stands for Go's nil.
export class Config {
  voters: JointConfig;
  /** Leave the joint config automatically once possible. */
  autoLeave: boolean;
  /** Learners; never intersects either half of voters. */
  learners: Set<number>;
  /**
   * Voters of the outgoing config that become learners when the joint
   * config is left (they cannot be voter and learner at the same time).
   */
  learnersNext: Set<number>;

  constructor(init: ConfigInit = {}) {
    this.voters = init.voters ?? new JointConfig();
    this.autoLeave = init.autoLeave ?? false;
    this.learners = init.learners ?? new Set();
    this.learnersNext = init.learnersNext ?? new Set();
  }

  toString(): string {
    let buf = `voters=${this.voters.toString()}`;
    if (this.learners.size > 0) buf += ` learners=${majorityString(this.learners)}`;
    if (this.learnersNext.size > 0) buf += ` learners_next=${majorityString(this.learnersNext)}`;
    if (this.autoLeave) buf += ' autoleave';
    return buf;
  }

  /**
   * A copy sharing no memory with this one. As in Go, autoLeave is not
   * copied (it comes back false).
   */
  clone(): Config {
    return new Config({
      voters: new JointConfig(new MajorityConfig(this.voters.incoming), new MajorityConfig(this.voters.outgoing)),
      learners: new Set(this.learners),
      learnersNext: new Set(this.learnersNext),
    });
  }
}

// Acked index of a voter = its match index.
class MatchAckIndexer implements AckedIndexer {
  constructor(private readonly m: ProgressMap) {}
  ackedIndex(id: number): Index | undefined {
    return this.m.get(id)?.match;
  }
}

export class ProgressTracker {
  config: Config = new Config();
  progress: ProgressMap = new Map();
  votes: Map<number, boolean> = new Map();

  constructor(
    public maxInflight: number,
    public maxInflightBytes: number,
  ) {}

  /** The active configuration as a ConfState (ids sorted). */
  confState(): ConfState {
    return newConfState({
      voters: this.config.voters.incoming.slice(),
      votersOutgoing: this.config.voters.outgoing.slice(),
      learners: sorted(this.config.learners),
      learnersNext: sorted(this.config.learnersNext),
      autoLeave: this.config.autoLeave,
    });
  }

  /** True iff there is exactly one voter and the config is not joint. */
  isSingleton(): boolean {
    return this.config.voters.incoming.size === 1 && this.config.voters.outgoing.size === 0;
  }

  /** The largest index acknowledged by a quorum of voters. */
  committed(): number {
    return this.config.voters.committedIndex(new MatchAckIndexer(this.progress));
  }

  /** Calls f for every tracked progress, in ascending id order. */
  visit(f: (id: number, pr: Progress) => void): void {
    const ids = this.progress.size <= 1 ? Array.from(this.progress.keys()) : sorted(this.progress.keys());
    for (const id of ids) f(id, this.progress.get(id)!);
  }

  /** Whether a quorum of voters has been recently active. */
  quorumActive(): boolean {
    const votes = new Map<number, boolean>();
    this.visit((id, pr) => {
      if (pr.isLearner) return;
      votes.set(id, pr.recentActive);
    });
    return this.config.voters.voteResult(votes) === VoteResult.VoteWon;
  }

  /** Voters of both halves, sorted. */
  voterNodes(): number[] {
    return sorted(this.config.voters.ids());
  }

  /** Learners, sorted. */
  learnerNodes(): number[] {
    return sorted(this.config.learners);
  }

  resetVotes(): void {
    this.votes = new Map();
  }

  /** Records id's vote; only the first vote of a node counts. */
  recordVote(id: number, v: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, v);
  }

  /** Granted and rejected votes among tracked voters, and the outcome. */
  tallyVotes(): { granted: number; rejected: number; result: VoteResult } {
    let granted = 0;
    let rejected = 0;
    for (const [id, pr] of this.progress) {
      if (pr.isLearner) continue;
      const v = this.votes.get(id);
      if (v === undefined) continue;
      if (v) granted++;
      else rejected++;
    }
    return { granted, rejected, result: this.config.voters.voteResult(this.votes) };
  }
}

export function makeProgressTracker(maxInflight: number, maxBytes: number): ProgressTracker {
  return new ProgressTracker(maxInflight, maxBytes);
}
