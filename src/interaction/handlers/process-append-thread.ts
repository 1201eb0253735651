// process-append-thread <id>...
import { describeMessage } from '../../raft/describe.js';
import { newHardState, newSnapshot } from '../../raftpb/types.js';
import { type DirectiveData, forEachNode } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { defaultEntryFormatter } from '../node.js';
import { processAppend } from './process-ready.js';

export function handleProcessAppendThread(env: InteractionEnv, d: DirectiveData): Error | null {
  return forEachNode(env, d, 'processing append thread', (idx) => processAppendThread(env, idx));
}

/** Handles the oldest MsgStorageAppend of the node at idx. */
export function processAppendThread(env: InteractionEnv, idx: number): Error | null {
  const n = env.nodes[idx]!;
  const first = n.appendWork.shift();
  if (first === undefined) {
    env.output.write('no append work to perform');
    return null;
  }
  const resps = first.responses;
  const m = { ...first, responses: [] };
  env.output.write('Processing:\n');
  if (!env.output.quiet()) env.output.write(describeMessage(m, defaultEntryFormatter) + '\n');
  const st = newHardState({ term: m.term, vote: m.vote, commit: m.commit });
  const snap = m.snapshot ?? newSnapshot();
  const err = processAppend(n, st, m.entries, snap);
  if (err !== null) return err;

  env.output.write('Responses:\n');
  if (!env.output.quiet()) for (const r of resps) env.output.write(describeMessage(r, defaultEntryFormatter) + '\n');
  env.messages.push(...resps);
  return null;
}
