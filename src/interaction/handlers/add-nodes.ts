// add-nodes <n> [voters=(ids)] [learners=(ids)] [index=N] [content=text]
//   [inflight=N] [async-storage-writes=bool] [prevote=bool] [checkquorum=bool]
//   [max-committed-size-per-ready=N] [disable-conf-change-validation=bool]
//   [read-only=safe|lease-based] [step-down-on-removal=bool]
import type { Config } from '../../raft/raft.js';
import { ReadOnlyOption } from '../../raft/read_only.js';
import { newRawNode } from '../../raft/rawnode.js';
import { MemoryStorage } from '../../raft/storage.js';
import { NO_LIMIT, newConfState, type Snapshot } from '../../raftpb/types.js';
import { bytesOf } from '../../util/bytes.js';
import { quoteByteString } from '../../util/gofmt.js';
import { RaftPanic } from '../../util/panic.js';
import { AppliedState } from '../applied.js';
import { type DirectiveData, fail, firstAsInt, scanBool, scanInt, scanUint64 } from '../args.js';
import type { InteractionEnv, NodeDefaults } from '../env.js';
import { Node, SnapOverrideStorage } from '../node.js';

const MAX_INT32 = 2147483647;

/** The config every node starts from (no limits); id and storage are set per node. */
export function raftConfigStub(): Config {
  return {
    id: 0,
    electionTick: 3,
    heartbeatTick: 1,
    maxSizePerMsg: NO_LIMIT,
    maxInflightMsgs: MAX_INT32,
  };
}

/** The stub with the environment's node defaults applied. */
export function nodeConfigTemplate(defaults: NodeDefaults | undefined): Config {
  const cfg = raftConfigStub();
  if (defaults === undefined) return cfg;
  const d = defaults;
  if (d.electionTick !== undefined) cfg.electionTick = d.electionTick;
  if (d.heartbeatTick !== undefined) cfg.heartbeatTick = d.heartbeatTick;
  if (d.inflight !== undefined) cfg.maxInflightMsgs = d.inflight;
  if (d.maxInflightBytes !== undefined) cfg.maxInflightBytes = d.maxInflightBytes;
  if (d.maxSizePerMsg !== undefined) cfg.maxSizePerMsg = d.maxSizePerMsg;
  if (d.maxUncommittedEntriesSize !== undefined) cfg.maxUncommittedEntriesSize = d.maxUncommittedEntriesSize;
  if (d.maxCommittedSizePerReady !== undefined) cfg.maxCommittedSizePerReady = d.maxCommittedSizePerReady;
  if (d.asyncStorageWrites !== undefined) cfg.asyncStorageWrites = d.asyncStorageWrites;
  if (d.prevote !== undefined) cfg.preVote = d.prevote;
  if (d.checkquorum !== undefined) cfg.checkQuorum = d.checkquorum;
  if (d.readOnly !== undefined) {
    cfg.readOnlyOption = d.readOnly === 'safe' ? ReadOnlyOption.ReadOnlySafe : ReadOnlyOption.ReadOnlyLeaseBased;
  }
  if (d.disableProposalForwarding !== undefined) cfg.disableProposalForwarding = d.disableProposalForwarding;
  if (d.disableConfChangeValidation !== undefined) cfg.disableConfChangeValidation = d.disableConfChangeValidation;
  if (d.stepDownOnRemoval !== undefined) cfg.stepDownOnRemoval = d.stepDownOnRemoval;
  return cfg;
}

export function handleAddNodes(env: InteractionEnv, d: DirectiveData): Error | null {
  const n = firstAsInt(d, 'the number of nodes to add');
  const snap: Snapshot = { data: undefined, metadata: { index: 0, term: 0, confState: newConfState() } };
  const cfg = nodeConfigTemplate(env.options.nodeDefaults);
  for (const arg of d.cmdArgs.slice(1)) {
    for (let i = 0; i < arg.vals.length; i++) {
      // Unknown keys are ignored, as in Go.
      switch (arg.key) {
        case 'voters':
          snap.metadata.confState.voters.push(scanUint64(d, arg, i));
          break;
        case 'learners':
          snap.metadata.confState.learners.push(scanUint64(d, arg, i));
          break;
        case 'inflight':
          cfg.maxInflightMsgs = scanInt(d, arg, i);
          break;
        case 'index':
          snap.metadata.index = scanUint64(d, arg, i);
          cfg.applied = snap.metadata.index;
          break;
        case 'content':
          // Go cannot scan into []byte and fails here; the bytes of the value are the snapshot data.
          snap.data = bytesOf(arg.vals[i]!);
          break;
        case 'async-storage-writes':
          cfg.asyncStorageWrites = scanBool(d, arg, i);
          break;
        case 'prevote':
          cfg.preVote = scanBool(d, arg, i);
          break;
        case 'checkquorum':
          cfg.checkQuorum = scanBool(d, arg, i);
          break;
        case 'max-committed-size-per-ready':
          cfg.maxCommittedSizePerReady = scanUint64(d, arg, i);
          break;
        case 'disable-conf-change-validation':
          cfg.disableConfChangeValidation = scanBool(d, arg, i);
          break;
        case 'read-only':
          switch (arg.vals[i]) {
            case 'safe':
              cfg.readOnlyOption = ReadOnlyOption.ReadOnlySafe;
              break;
            case 'lease-based':
              cfg.readOnlyOption = ReadOnlyOption.ReadOnlyLeaseBased;
              break;
            default:
              return new Error(`invalid read-only option ${quoteByteString(arg.vals[i]!)}`);
          }
          break;
        case 'step-down-on-removal':
          cfg.stepDownOnRemoval = scanBool(d, arg, i);
          break;
      }
    }
  }
  return addNodes(env, n, cfg, snap);
}

function isZeroSnapshot(s: Snapshot): boolean {
  const cs = s.metadata.confState;
  return (
    s.data === undefined &&
    s.metadata.index === 0 &&
    s.metadata.term === 0 &&
    cs.voters.length === 0 &&
    cs.learners.length === 0 &&
    cs.votersOutgoing.length === 0 &&
    cs.learnersNext.length === 0 &&
    !cs.autoLeave
  );
}

function cloneSnapshot(s: Snapshot): Snapshot {
  const cs = s.metadata.confState;
  return {
    data: s.data,
    metadata: {
      index: s.metadata.index,
      term: s.metadata.term,
      confState: {
        voters: [...cs.voters],
        learners: [...cs.learners],
        votersOutgoing: [...cs.votersOutgoing],
        learnersNext: [...cs.learnersNext],
        autoLeave: cs.autoLeave,
      },
    },
  };
}

/**
 * Adds n nodes with consecutive ids, created from cfg and initialized from
 * snap (bootstrapped when snap is not empty).
 */
export function addNodes(env: InteractionEnv, n: number, cfg: Config, snap: Snapshot): Error | null {
  const bootstrap = !isZeroSnapshot(snap);
  for (let i = 0; i < n; i++) {
    const id = 1 + env.nodes.length;
    const ms = new MemoryStorage();
    if (bootstrap) {
      // MemoryStorage cannot bootstrap from index 1; that loses no generality.
      if (snap.metadata.index <= 1) return new Error('index must be specified as > 1 due to bootstrap');
      snap.metadata.term = 1;
      const err = ms.applySnapshot(cloneSnapshot(snap));
      if (err !== null) return err;
      const fi = ms.firstIndex();
      const exp = snap.metadata.index + 1;
      if (fi !== exp) return new Error(`failed to establish first index ${exp}; got ${fi}`);
    }
    const applied = new AppliedState(cloneSnapshot(snap));
    // When asked for a snapshot, the node hands out its newest applied state.
    const storage = new SnapOverrideStorage(ms, () => applied.snapshot());
    const c: Config = { ...cfg, id, storage, random: env.random };
    if (env.options.onConfig !== undefined) {
      env.options.onConfig(c);
      if (c.id !== id) return new Error('OnConfig must not change the ID');
    }
    if (c.logger !== undefined) return new Error('OnConfig must not set Logger');
    c.logger = env.output;

    let rn;
    try {
      rn = newRawNode(c);
    } catch (e) {
      // Go's newRaft panics on an invalid config.
      const msg = e instanceof Error ? e.message : String(e);
      return fail(`add-nodes: cannot create node ${id}${e instanceof RaftPanic ? '' : ' (invalid config)'}: ${msg}`);
    }
    env.nodes.push(new Node(rn, ms, c, applied));
  }
  return null;
}
