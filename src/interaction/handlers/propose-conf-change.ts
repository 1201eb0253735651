// propose-conf-change <id> [v1=<bool>] [transition=auto|implicit|explicit]
// <changes, see confChangesFromString>
import { type ConfChangeI, confChangesFromString } from '../../raftpb/confchange.js';
import { ConfChangeTransition, newConfChange, newConfChangeV2 } from '../../raftpb/types.js';
import type { ConfChangeSingle } from '../../raftpb/types.js';
import { parseBool } from '../../util/strconv.js';
import { InexactNumberError } from '../../util/uint64.js';
import { type DirectiveData, fail, firstAsNodeIdx } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleProposeConfChange(env: InteractionEnv, d: DirectiveData): Error | null {
  const idx = firstAsNodeIdx(env, d);
  let v1 = false;
  let transition: ConfChangeTransition = ConfChangeTransition.ConfChangeTransitionAuto;
  for (const arg of d.cmdArgs.slice(1)) {
    for (const val of arg.vals) {
      switch (arg.key) {
        case 'v1':
          try {
            v1 = parseBool(val);
          } catch (e) {
            return e as Error;
          }
          break;
        case 'transition':
          switch (val) {
            case 'auto':
              transition = ConfChangeTransition.ConfChangeTransitionAuto;
              break;
            case 'implicit':
              transition = ConfChangeTransition.ConfChangeTransitionJointImplicit;
              break;
            case 'explicit':
              transition = ConfChangeTransition.ConfChangeTransitionJointExplicit;
              break;
            default:
              return new Error(`unknown transition ${val}`);
          }
          break;
        default:
          return new Error(`unknown command ${arg.key}`);
      }
    }
  }

  let ccs: ConfChangeSingle[];
  try {
    ccs = confChangesFromString(d.input);
  } catch (e) {
    if (e instanceof TypeError || e instanceof ReferenceError || e instanceof InexactNumberError) throw e;
    return e as Error;
  }

  let c: ConfChangeI;
  if (v1) {
    if (ccs.length > 1 || transition !== ConfChangeTransition.ConfChangeTransitionAuto) {
      return new Error('v1 conf change can only have one operation and no transition');
    }
    const cc = ccs[0];
    if (cc === undefined) fail('propose-conf-change: v1 conf change needs exactly one operation, got none');
    c = newConfChange({ type: cc.type, nodeId: cc.nodeId });
  } else {
    c = newConfChangeV2({ transition, changes: ccs });
  }
  return proposeConfChange(env, idx, c);
}

/** Hands c to node idx's RawNode as a conf change proposal. */
export function proposeConfChange(env: InteractionEnv, idx: number, c: ConfChangeI): Error | null {
  return env.nodes[idx]!.rawNode.proposeConfChange(c);
}
