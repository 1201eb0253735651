// process-ready <id>...
import { describeReady } from '../../raft/describe.js';
import { isEmptyHardState, isEmptySnap, isLocalMsgTarget } from '../../raft/util.js';
import { MessageType, messageTypeString } from '../../raftpb/types.js';
import type { ConfState, Entry, HardState, Snapshot } from '../../raftpb/types.js';
import { EntryType } from '../../raftpb/types.js';
import { unmarshalConfChange, unmarshalConfChangeV2 } from '../../raftpb/proto.js';
import { RaftPanic } from '../../util/panic.js';
import { type DirectiveData, fail, forEachNode } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { defaultEntryFormatter, type Node } from '../node.js';

export function handleProcessReady(env: InteractionEnv, d: DirectiveData): Error | null {
  return forEachNode(env, d, 'handling Ready', (idx) => processReady(env, idx));
}

/** Handles one Ready of the node at idx: persists, applies, queues the messages. */
export function processReady(env: InteractionEnv, idx: number): Error | null {
  const n = env.nodes[idx]!;
  const rd = n.rawNode.ready();
  if (!env.output.quiet()) env.output.write(describeReady(rd, defaultEntryFormatter));

  const async = n.config.asyncStorageWrites === true;
  if (!async) {
    let err = processAppend(n, rd.hardState, rd.entries, rd.snapshot);
    if (err !== null) return err;
    err = processApply(n, rd.committedEntries);
    if (err !== null) return err;
  }

  for (const m of rd.messages) {
    if (isLocalMsgTarget(m.to)) {
      if (!async) fail(`process-ready: node ${n.id} sent a message to a local target without async storage writes`);
      switch (m.type) {
        case MessageType.MsgStorageAppend:
          n.appendWork.push(m);
          break;
        case MessageType.MsgStorageApply:
          n.applyWork.push(m);
          break;
        default:
          fail(`process-ready: unexpected message type ${messageTypeString(m.type)} to a local target`);
      }
    } else {
      env.messages.push(m);
    }
  }

  if (!async) n.rawNode.advance(rd);
  return null;
}

/** Persists a HardState and entries or a snapshot to the node's storage. */
export function processAppend(n: Node, st: HardState, ents: Entry[], snap: Snapshot): Error | null {
  const s = n.storage;
  if (!isEmptyHardState(st)) {
    const err = s.setHardState(st);
    if (err !== null) return err;
  }
  if (!isEmptySnap(snap)) {
    if (ents.length > 0) return new Error("can't apply snapshot and entries at the same time");
    return s.applySnapshot(snap);
  }
  return s.append(ents);
}

/**
 * Applies committed entries: conf changes go to raft, and every entry's
 * payload (a conf change's context) is appended to the applied state.
 */
export function processApply(n: Node, ents: readonly Entry[]): Error | null {
  for (const ent of ents) {
    let update: Uint8Array | undefined;
    let cs: ConfState | undefined;
    switch (ent.type) {
      case EntryType.EntryConfChange: {
        let cc;
        try {
          cc = unmarshalConfChange(ent.data);
        } catch (e) {
          if (isDecodeError(e)) return e;
          throw e;
        }
        update = cc.context;
        cs = n.rawNode.applyConfChange(cc);
        break;
      }
      case EntryType.EntryConfChangeV2: {
        let cc;
        try {
          cc = unmarshalConfChangeV2(ent.data);
        } catch (e) {
          if (isDecodeError(e)) return e;
          throw e;
        }
        cs = n.rawNode.applyConfChange(cc);
        update = cc.context;
        break;
      }
      default:
        update = ent.data;
    }
    n.applied.apply(update, ent.index, ent.term, cs);
  }
  return null;
}

// A malformed conf change is an error Go returns; bugs and panics propagate.
function isDecodeError(e: unknown): e is Error {
  return e instanceof Error && !(e instanceof RaftPanic || e instanceof TypeError || e instanceof ReferenceError);
}
