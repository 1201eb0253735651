// campaign <id>
import { type DirectiveData, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleCampaign(env: InteractionEnv, d: DirectiveData): Error | null {
  return campaign(env, firstAsNodeIdx(env, d));
}

/** Starts an election on node idx (0-based slot). */
export function campaign(env: InteractionEnv, idx: number): Error | null {
  return env.nodes[idx]!.rawNode.campaign();
}
