// RawNode.bootstrap (port of bootstrap.go): initial configuration of a
// fresh node from a list of peers.
import { ConfChangeType, EntryType, newConfChange, type Entry } from '../raftpb/types.js';
import { marshalConfChange } from '../raftpb/proto.js';
import { asV2 } from '../raftpb/confchange.js';
import { newHardState } from '../raftpb/types.js';
import { None } from './util.js';
import type { RawNode } from './rawnode.js';

export interface Peer {
  id: number;
  context?: Uint8Array;
}

/**
 * Appends one ConfChangeAddNode entry per peer (committed at term 1) and
 * applies them, on a node with empty Storage. The entries reach Storage
 * through the next Ready like any other.
 */
export function bootstrap(rn: RawNode, peers: Peer[]): Error | null {
  if (peers.length === 0) return new Error('must provide at least one peer to Bootstrap');
  let lastIndex: number;
  try {
    lastIndex = rn.raft.raftLog.storage.lastIndex();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  if (lastIndex !== 0) return new Error("can't bootstrap a nonempty Storage");

  // Leave the initial HardState empty so that the first Ready emits it.
  rn.prevHardSt = newHardState();

  rn.raft.becomeFollower(1, None);
  const ents: Entry[] = new Array<Entry>(peers.length);
  for (let i = 0; i < peers.length; i++) {
    const peer = peers[i]!;
    const cc = newConfChange({ type: ConfChangeType.ConfChangeAddNode, nodeId: peer.id, context: peer.context });
    let data: Uint8Array;
    try {
      data = marshalConfChange(cc);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
    ents[i] = { type: EntryType.EntryConfChange, term: 1, index: i + 1, data };
  }
  rn.raft.raftLog.append(ents);

  // The peers are added right away; the entries are also committed, so the
  // application sees (and applies) them in the first Ready like Go's.
  rn.raft.raftLog.committed = ents.length;
  for (const peer of peers) {
    rn.raft.applyConfChange(asV2(newConfChange({ nodeId: peer.id, type: ConfChangeType.ConfChangeAddNode })));
  }
  return null;
}
