// process-apply-thread <id>...
import { describeMessage } from '../../raft/describe.js';
import { sprintf } from '../../util/gofmt.js';
import { type DirectiveData, nodeIdxs } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { defaultEntryFormatter } from '../node.js';
import { processApply } from './process-ready.js';

export function handleProcessApplyThread(env: InteractionEnv, d: DirectiveData): Error | null {
  const idxs = nodeIdxs(env, d);
  for (const idx of idxs) {
    let err: Error | null = null;
    if (idxs.length > 1) {
      env.output.write(sprintf('> %d processing apply thread\n', idx + 1));
      env.withIndent(() => {
        err = processApplyThread(env, idx);
      });
    } else {
      err = processApplyThread(env, idx);
    }
    if (err !== null) return err;
  }
  return null;
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
