// send-snapshot <from> <to>: queues a MsgSnap with the sender's newest applied state.
import { describeMessage } from '../../raft/describe.js';
import { MessageType, newMessage } from '../../raftpb/types.js';
import { type DirectiveData, checkNodeIdx, fail, nodeIdxs } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleSendSnapshot(env: InteractionEnv, d: DirectiveData): Error | null {
  const idxs = nodeIdxs(env, d, true);
  if (idxs.length !== 2) fail(`send-snapshot: expected exactly two node ids (from, to), got ${idxs.length}`);
  checkNodeIdx(env, d, idxs[0]!);
  if (idxs[1]! < 0) fail(`send-snapshot: invalid recipient ${idxs[1]! + 1}`);
  // Go drops the error of SendSnapshot; it cannot fail here anyway.
  sendSnapshot(env, idxs[0]!, idxs[1]!);
  return null;
}

export function sendSnapshot(env: InteractionEnv, fromIdx: number, toIdx: number): Error | null {
  const n = env.nodes[fromIdx]!;
  const snap = n.applied.snapshot();
  const msg = newMessage({
    type: MessageType.MsgSnap,
    term: n.rawNode.basicStatus().term,
    from: fromIdx + 1,
    to: toIdx + 1,
    snapshot: snap,
  });
  env.messages.push(msg);
  env.output.write(describeMessage(msg));
  return null;
}
