// status <id>: the progress the node tracks for each peer.
import { progressMapString } from '../../tracker/progress.js';
import { type DirectiveData, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleStatus(env: InteractionEnv, d: DirectiveData): Error | null {
  return status(env, firstAsNodeIdx(env, d));
}

export function status(env: InteractionEnv, idx: number): Error | null {
  const st = env.nodes[idx]!.rawNode.status();
  env.output.write(progressMapString(st.progress));
  return null;
}
