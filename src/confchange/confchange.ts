// Validated membership changes: simple ones (at most one voter changes) and
// joint consensus (enter a joint config, later leave it). Every operation
// works on copies and only returns a new configuration if it is valid.
import { type ConfChangeSingle, ConfChangeType, ConfChangeTypeName } from '../raftpb/types.js';
import { MajorityConfig } from '../quorum/majority.js';
import { Config, type ProgressTracker } from '../tracker/tracker.js';
import { Progress, type ProgressMap } from '../tracker/progress.js';
import { Inflights } from '../tracker/inflights.js';

export class Changer {
  constructor(
    public tracker: ProgressTracker,
    public lastIndex: number,
  ) {}

  /**
   * Copies the incoming voters into the (empty) outgoing half, then applies
   * the changes to the incoming half: from C_old to C_{new,old}.
   */
  enterJoint(autoLeave: boolean, ...ccs: ConfChangeSingle[]): [Config, ProgressMap] {
    const [cfg, trk] = this.checkAndCopy();
    if (joint(cfg)) throw new Error('config is already joint');
    if (cfg.voters.incoming.size === 0) {
      // An empty config may be populated (bootstrap, tests) but not made joint.
      throw new Error("can't make a zero-voter config joint");
    }
    cfg.voters.outgoing = new MajorityConfig(cfg.voters.incoming);
    this.apply(cfg, trk, ccs);
    cfg.autoLeave = autoLeave;
    return checkAndReturn(cfg, trk);
  }

  /**
   * Drops the outgoing half (C_{new,old} to C_new) and turns the staged
   * learners into learners.
   */
  leaveJoint(): [Config, ProgressMap] {
    const [cfg, trk] = this.checkAndCopy();
    if (!joint(cfg)) throw new Error("can't leave a non-joint config");
    for (const id of cfg.learnersNext) {
      cfg.learners.add(id);
      trk.get(id)!.isLearner = true;
    }
    cfg.learnersNext = new Set();
    for (const id of cfg.voters.outgoing) {
      const isVoter = cfg.voters.incoming.has(id);
      const isLearner = cfg.learners.has(id);
      if (!isVoter && !isLearner) trk.delete(id);
    }
    cfg.voters.outgoing = new MajorityConfig();
    cfg.autoLeave = false;
    return checkAndReturn(cfg, trk);
  }

  /**
   * Applies changes that together change the incoming voters by at most one;
   * not allowed in a joint config.
   */
  simple(...ccs: ConfChangeSingle[]): [Config, ProgressMap] {
    const [cfg, trk] = this.checkAndCopy();
    if (joint(cfg)) throw new Error("can't apply simple config change in joint config");
    this.apply(cfg, trk, ccs);
    if (symdiff(this.tracker.config.voters.incoming, cfg.voters.incoming) > 1) {
      throw new Error('more than one voter changed without entering joint config');
    }
    return checkAndReturn(cfg, trk);
  }

  // Voter changes always go to the incoming half; the outgoing half only
  // preserves the old config while joint.
  private apply(cfg: Config, trk: ProgressMap, ccs: ConfChangeSingle[]): void {
    for (const cc of ccs) {
      // etcd zeroes the NodeID of changes it decided not to apply.
      if (cc.nodeId === 0) continue;
      switch (cc.type) {
        case ConfChangeType.ConfChangeAddNode:
          this.makeVoter(cfg, trk, cc.nodeId);
          break;
        case ConfChangeType.ConfChangeAddLearnerNode:
          this.makeLearner(cfg, trk, cc.nodeId);
          break;
        case ConfChangeType.ConfChangeRemoveNode:
          this.remove(cfg, trk, cc.nodeId);
          break;
        case ConfChangeType.ConfChangeUpdateNode:
          break;
        default:
          throw new Error(`unexpected conf type ${cc.type as number}`);
      }
    }
    if (cfg.voters.incoming.size === 0) throw new Error('removed all voters');
  }

  private makeVoter(cfg: Config, trk: ProgressMap, id: number): void {
    const pr = trk.get(id);
    if (pr === undefined) {
      this.initProgress(cfg, trk, id, false);
      return;
    }
    pr.isLearner = false;
    cfg.learners.delete(id);
    cfg.learnersNext.delete(id);
    cfg.voters.incoming.add(id);
  }

  // A voter still in the outgoing half cannot also be a learner, so its
  // demotion is staged in learnersNext until the joint config is left.
  private makeLearner(cfg: Config, trk: ProgressMap, id: number): void {
    const pr = trk.get(id);
    if (pr === undefined) {
      this.initProgress(cfg, trk, id, true);
      return;
    }
    if (pr.isLearner) return;
    this.remove(cfg, trk, id);
    // Keep the Progress that remove() may have dropped.
    trk.set(id, pr);
    if (cfg.voters.outgoing.has(id)) {
      cfg.learnersNext.add(id);
    } else {
      pr.isLearner = true;
      cfg.learners.add(id);
    }
  }

  private remove(cfg: Config, trk: ProgressMap, id: number): void {
    if (!trk.has(id)) return;
    cfg.voters.incoming.delete(id);
    cfg.learners.delete(id);
    cfg.learnersNext.delete(id);
    // A voter of the outgoing half keeps its Progress.
    if (!cfg.voters.outgoing.has(id)) trk.delete(id);
  }

  private initProgress(cfg: Config, trk: ProgressMap, id: number, isLearner: boolean): void {
    if (!isLearner) cfg.voters.incoming.add(id);
    else cfg.learners.add(id);
    trk.set(
      id,
      new Progress({
        // Probing starts at the last index.
        match: 0,
        next: Math.max(this.lastIndex, 1),
        inflights: new Inflights(this.tracker.maxInflight, this.tracker.maxInflightBytes),
        isLearner,
        // A new node counts as active so that CheckQuorum does not step the
        // leader down before the node had a chance to respond.
        recentActive: true,
      }),
    );
  }

  private checkAndCopy(): [Config, ProgressMap] {
    const cfg = this.tracker.config.clone();
    const trk: ProgressMap = new Map();
    // Only isLearner is mutated, so a shallow copy is enough.
    for (const [id, pr] of this.tracker.progress) trk.set(id, pr.copy());
    return checkAndReturn(cfg, trk);
  }
}

/** Throws unless config and progress map are consistent with each other. */
export function checkInvariants(cfg: Config, trk: ProgressMap): void {
  // The empty config is allowed: it is where bootstrap starts from.
  for (const ids of [cfg.voters.ids(), cfg.learners, cfg.learnersNext]) {
    for (const id of ids) {
      if (!trk.has(id)) throw new Error(`no progress for ${id}`);
    }
  }
  for (const id of cfg.learnersNext) {
    if (!cfg.voters.outgoing.has(id)) throw new Error(`${id} is in LearnersNext, but not Voters[1]`);
    if (trk.get(id)!.isLearner) throw new Error(`${id} is in LearnersNext, but is already marked as learner`);
  }
  for (const id of cfg.learners) {
    if (cfg.voters.outgoing.has(id)) throw new Error(`${id} is in Learners and Voters[1]`);
    if (cfg.voters.incoming.has(id)) throw new Error(`${id} is in Learners and Voters[0]`);
    if (!trk.get(id)!.isLearner) throw new Error(`${id} is in Learners, but is not marked as learner`);
  }
  if (!joint(cfg)) {
    // Go also requires Voters[1] to be nil rather than empty here; an empty
    // set is the only representation of that, so it always holds.
    if (cfg.learnersNext.size > 0) throw new Error('cfg.LearnersNext must be nil when not joint');
    if (cfg.autoLeave) throw new Error('AutoLeave must be false when not joint');
  }
}

function checkAndReturn(cfg: Config, trk: ProgressMap): [Config, ProgressMap] {
  checkInvariants(cfg, trk);
  return [cfg, trk];
}

function symdiff(l: ReadonlySet<number>, r: ReadonlySet<number>): number {
  let n = 0;
  for (const id of l) if (!r.has(id)) n++;
  for (const id of r) if (!l.has(id)) n++;
  return n;
}

function joint(cfg: Config): boolean {
  return cfg.voters.outgoing.size > 0;
}

/** The changes as `Type(id)` separated by spaces (Go's Describe). */
export function describe(...ccs: ConfChangeSingle[]): string {
  return ccs.map((cc) => `${ConfChangeTypeName[cc.type] ?? String(cc.type)}(${cc.nodeId})`).join(' ');
}
