// transfer-leadership from=<id> to=<id>
import { parseUint64 } from '../../util/strconv.js';
import { type DirectiveData, fail, scanArg } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleTransferLeadership(env: InteractionEnv, d: DirectiveData): Error | null {
  const from = scanArg(d, 'from', parseUint64);
  const to = scanArg(d, 'to', parseUint64);
  if (from === 0 || from > env.nodes.length) fail('transfer-leadership: expected valid "from" argument');
  if (to === 0 || to > env.nodes.length) fail('transfer-leadership: expected valid "to" argument');
  return transferLeadership(env, from, to);
}

/** Asks node `from` to hand leadership to node `to`. */
export function transferLeadership(env: InteractionEnv, from: number, to: number): Error | null {
  env.nodes[from - 1]!.rawNode.transferLeader(to);
  return null;
}
