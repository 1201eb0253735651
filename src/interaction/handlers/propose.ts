// propose <id> <data>
import { bytesOf } from '../../util/bytes.js';
import { type DirectiveData, fail, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handlePropose(env: InteractionEnv, d: DirectiveData): Error | null {
  const idx = firstAsNodeIdx(env, d);
  const data = d.cmdArgs[1];
  if (d.cmdArgs.length !== 2 || data === undefined || data.vals.length > 0) {
    const got = d.cmdArgs
      .slice(1)
      .map((a) => (a.vals.length === 0 ? a.key : `${a.key}=(${a.vals.join(', ')})`))
      .join(' ');
    fail(`propose: expected exactly one key with no vals after the node id, got: ${got === '' ? 'nothing' : got}`);
  }
  return propose(env, idx, bytesOf(data.key));
}

/** Proposes a regular entry on the node at idx. */
export function propose(env: InteractionEnv, idx: number, data: Uint8Array): Error | null {
  return env.nodes[idx]!.rawNode.propose(data);
}
