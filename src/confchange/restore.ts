// Rebuilds a configuration from a ConfState by replaying conf changes.
import { type ConfChangeSingle, type ConfState, ConfChangeType } from '../raftpb/types.js';
import { type Config, ProgressTracker } from '../tracker/tracker.js';
import type { ProgressMap } from '../tracker/progress.js';
import { Changer } from './confchange.js';

/**
 * Splits a ConfState into the changes that build the outgoing config from
 * nothing, and the changes that then enter the joint (or final) config.
 * E.g. voters=(1 2) learners=(4) outgoing=(1 3) learners_next=(3):
 * out = add 1 3; in = remove 1 3, add 1 2, add-learner 4 3.
 */
export function toConfChangeSingle(cs: ConfState): [ConfChangeSingle[], ConfChangeSingle[]] {
  const out: ConfChangeSingle[] = [];
  const in_: ConfChangeSingle[] = [];
  for (const id of cs.votersOutgoing) out.push({ type: ConfChangeType.ConfChangeAddNode, nodeId: id });
  for (const id of cs.votersOutgoing) in_.push({ type: ConfChangeType.ConfChangeRemoveNode, nodeId: id });
  for (const id of cs.voters) in_.push({ type: ConfChangeType.ConfChangeAddNode, nodeId: id });
  for (const id of cs.learners) in_.push({ type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: id });
  // Demoted outgoing voters: staged as learners for when the joint config is left.
  for (const id of cs.learnersNext) in_.push({ type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: id });
  return [out, in_];
}

type Op = (chg: Changer) => [Config, ProgressMap];

function chain(chg: Changer, ops: Op[]): [Config, ProgressMap] {
  for (const op of ops) {
    const [cfg, trk] = op(chg);
    chg.tracker.config = cfg;
    chg.tracker.progress = trk;
  }
  return [chg.tracker.config, chg.tracker.progress];
}

/**
 * Enacts the configuration of `cs` starting from the (empty) configuration
 * of `chg`. Throws the first error of the replayed changes. The caller's
 * tracker is not modified (Go passes the Changer by value).
 */
export function restore(chg: Changer, cs: ConfState): [Config, ProgressMap] {
  const src = chg.tracker;
  const trk = new ProgressTracker(src.maxInflight, src.maxInflightBytes);
  trk.config = src.config;
  trk.progress = src.progress;
  trk.votes = src.votes;
  const local = new Changer(trk, chg.lastIndex);

  const [outgoing, incoming] = toConfChangeSingle(cs);
  const ops: Op[] = [];
  if (outgoing.length === 0) {
    for (const cc of incoming) ops.push((c) => c.simple(cc));
  } else {
    // Apply the outgoing voters as a plain config first; enterJoint then
    // shifts them to the outgoing side and applies the incoming changes.
    for (const cc of outgoing) ops.push((c) => c.simple(cc));
    ops.push((c) => c.enterJoint(cs.autoLeave, ...incoming));
  }
  return chain(local, ops);
}
