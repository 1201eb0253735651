// Two majority configs that must both agree: Raft's joint consensus.
import { type AckedIndexer, type Index, VoteResult } from './quorum.js';
import { MajorityConfig, describeMajority } from './majority.js';

export class JointConfig {
  // Go's JointConfig is [2]MajorityConfig; index 0 is incoming, 1 outgoing.
  // A nil outgoing config in Go is an empty one here: every reader only
  // looks at its size and members.
  constructor(
    public incoming: MajorityConfig = new MajorityConfig(),
    public outgoing: MajorityConfig = new MajorityConfig(),
  ) {}

  toString(): string {
    if (this.outgoing.size > 0) {
      return this.incoming.toString() + '&&' + this.outgoing.toString();
    }
    return this.incoming.toString();
  }

  /** A new set of the voters of both halves. */
  ids(): Set<number> {
    const m = new Set<number>(this.incoming);
    for (const id of this.outgoing) m.add(id);
    return m;
  }

  describe(l: AckedIndexer): string {
    return describeMajority(this.ids(), l);
  }

  /** Committed in both halves, i.e. the smaller of the two. */
  committedIndex(l: AckedIndexer): Index {
    const idx0 = this.incoming.committedIndex(l);
    const idx1 = this.outgoing.committedIndex(l);
    return idx0 < idx1 ? idx0 : idx1;
  }

  voteResult(votes: Map<number, boolean>): VoteResult {
    const r1 = this.incoming.voteResult(votes);
    const r2 = this.outgoing.voteResult(votes);
    if (r1 === r2) return r1;
    if (r1 === VoteResult.VoteLost || r2 === VoteResult.VoteLost) return VoteResult.VoteLost;
    // One half won, the other is still pending.
    return VoteResult.VotePending;
  }
}
