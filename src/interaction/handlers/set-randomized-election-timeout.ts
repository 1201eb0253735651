// set-randomized-election-timeout <id> timeout=<ticks>
import { parseInt64 } from '../../util/strconv.js';
import { type DirectiveData, fail, firstAsNodeIdx, scanArg } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleSetRandomizedElectionTimeout(env: InteractionEnv, d: DirectiveData): Error | null {
  const idx = firstAsNodeIdx(env, d);
  const timeout = scanArg(d, 'timeout', parseInt64);
  if (timeout === 0) fail('set-randomized-election-timeout: timeout must not be zero');
  env.setRandomizedElectionTimeout(idx, timeout);
  return null;
}
