// raft-log <id>
import { describeEntries } from '../../raft/describe.js';
import type { Entry } from '../../raftpb/types.js';
import { NO_LIMIT } from '../../raftpb/types.js';
import { type DirectiveData, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { defaultEntryFormatter } from '../node.js';
import { sprintf } from '../../util/gofmt.js';
import { ErrCompacted, ErrUnavailable } from '../../raft/storage.js';

export function handleRaftLog(env: InteractionEnv, d: DirectiveData): Error | null {
  return raftLog(env, firstAsNodeIdx(env, d));
}

/** Prints the node's stored log. */
export function raftLog(env: InteractionEnv, idx: number): Error | null {
  const s = env.nodes[idx]!.storage;
  let ents: Entry[];
  try {
    const fi = s.firstIndex();
    const li = s.lastIndex();
    if (li < fi) {
      env.output.write(sprintf('log is empty: first index=%d, last index=%d', fi, li));
      return null;
    }
    ents = s.entries(fi, li + 1, NO_LIMIT);
  } catch (e) {
    // Storage reports ErrCompacted/ErrUnavailable by throwing; Go returns them.
    if (e === ErrCompacted || e === ErrUnavailable) return e as Error;
    throw e;
  }
  env.output.write(describeEntries(ents, defaultEntryFormatter));
  return null;
}
