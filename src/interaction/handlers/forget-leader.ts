// forget-leader <id>
import { type DirectiveData, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleForgetLeader(env: InteractionEnv, d: DirectiveData): Error | null {
  forgetLeader(env, firstAsNodeIdx(env, d));
  return null;
}

/** Makes the follower at idx forget its leader (the result is ignored, as in Go). */
export function forgetLeader(env: InteractionEnv, idx: number): void {
  env.nodes[idx]!.rawNode.forgetLeader();
}
