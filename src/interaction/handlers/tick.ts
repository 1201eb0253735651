// tick-election <id> / tick-heartbeat <id>
import { type DirectiveData, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleTickElection(env: InteractionEnv, d: DirectiveData): Error | null {
  const idx = firstAsNodeIdx(env, d);
  return tick(env, idx, env.nodes[idx]!.config.electionTick);
}

export function handleTickHeartbeat(env: InteractionEnv, d: DirectiveData): Error | null {
  const idx = firstAsNodeIdx(env, d);
  return tick(env, idx, env.nodes[idx]!.config.heartbeatTick);
}

/** Ticks the node at idx num times. */
export function tick(env: InteractionEnv, idx: number, num: number): Error | null {
  const rn = env.nodes[idx]!.rawNode;
  for (let i = 0; i < num; i++) rn.tick();
  return null;
}
