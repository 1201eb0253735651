// process-apply-thread <id>...
import { describeMessage } from '../../raft/describe.js';
import { type DirectiveData, forEachNode } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { defaultEntryFormatter } from '../node.js';
import { processApply } from './process-ready.js';

export function handleProcessApplyThread(env: InteractionEnv, d: DirectiveData): Error | null {
  return forEachNode(env, d, 'processing apply thread', (idx) => processApplyThread(env, idx));
}

/** Handles the oldest MsgStorageApply of the node at idx. */
export function processApplyThread(env: InteractionEnv, idx: number): Error | null {
  const n = env.nodes[idx]!;
  const first = n.applyWork.shift();
  if (first === undefined) {
    env.output.write('no apply work to perform');
    return null;
  }
  const resps = first.responses;
  const m = { ...first, responses: [] };
  env.output.write('Processing:\n');
  if (!env.output.quiet()) env.output.write(describeMessage(m, defaultEntryFormatter) + '\n');
  const err = processApply(n, m.entries);
  if (err !== null) return err;

  env.output.write('Responses:\n');
  if (!env.output.quiet()) for (const r of resps) env.output.write(describeMessage(r, defaultEntryFormatter) + '\n');
  env.messages.push(...resps);
  return null;
}
