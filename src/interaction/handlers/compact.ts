// compact <id> <index>: compact node id's storage at index, then print its log
import { parseUint64 } from '../../util/strconv.js';
import { type DirectiveData, fail, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { raftLog } from './raft-log.js';

export function handleCompact(env: InteractionEnv, d: DirectiveData): Error | null {
  const idx = firstAsNodeIdx(env, d);
  const arg = d.cmdArgs[1];
  if (arg === undefined) fail('compact: missing second argument (the new first index)');
  let newFirstIndex: number;
  try {
    newFirstIndex = parseUint64(arg.key);
  } catch (e) {
    const err = e as Error;
    // Go reports a malformed index as output; a valid uint64 beyond 2^53-1 is a script error here.
    if (err.message.startsWith('strconv.')) return err;
    return fail(`compact: ${err.message}`);
  }
  return compact(env, idx, newFirstIndex);
}

/** Truncates the node's log so that newFirstIndex becomes its first index, then prints the log. */
export function compact(env: InteractionEnv, idx: number, newFirstIndex: number): Error | null {
  const err = env.nodes[idx]!.storage.compact(newFirstIndex);
  if (err !== null) return err;
  return raftLog(env, idx);
}
