// report-unreachable <on> <unreachable>: <on>.reportUnreachable(<unreachable>)
import { type DirectiveData, checkNodeIdx, nodeIdxs } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleReportUnreachable(env: InteractionEnv, d: DirectiveData): Error | null {
  const sl = nodeIdxs(env, d, true);
  if (sl.length !== 2) {
    return new Error('must specify exactly two node indexes: node on which to report, and reported node');
  }
  checkNodeIdx(env, d, sl[0]!);
  checkNodeIdx(env, d, sl[1]!);
  env.nodes[sl[0]!]!.rawNode.reportUnreachable(env.nodes[sl[1]!]!.config.id);
  return null;
}
