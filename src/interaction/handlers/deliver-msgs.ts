// deliver-msgs <id>... [type=MsgApp] [drop=(2,3)]
import { describeMessage } from '../../raft/describe.js';
import { isLocalMsgTarget } from '../../raft/util.js';
import { type Message, messageTypeFromName } from '../../raftpb/types.js';
import { parseUint64 } from '../../util/strconv.js';
import { type DirectiveData, fail, scanUint64 } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { defaultEntryFormatter } from '../node.js';

export interface Recipient {
  id: number;
  drop: boolean;
}

export function handleDeliverMsgs(env: InteractionEnv, d: DirectiveData): Error | null {
  let typ = -1;
  const rs: Recipient[] = [];
  for (const arg of d.cmdArgs) {
    if (arg.vals.length === 0) {
      let id: number;
      try {
        id = parseUint64(arg.key);
      } catch (e) {
        return fail(`deliver-msgs: recipients must be node ids: ${(e as Error).message}`);
      }
      rs.push({ id, drop: false });
    }
    for (let i = 0; i < arg.vals.length; i++) {
      // Other keys are ignored, as in Go.
      switch (arg.key) {
        case 'drop': {
          const id = scanUint64(d, arg, i);
          if (rs.some((r) => r.id === id)) fail(`deliver-msgs: can't both deliver and drop msgs to ${id}`);
          rs.push({ id, drop: true });
          break;
        }
        case 'type': {
          const s = arg.vals[i]!;
          const v = messageTypeFromName(s);
          if (v === undefined) fail(`deliver-msgs: unknown message type ${s}`);
          typ = v;
          break;
        }
      }
    }
  }
  // Delivering to a node that does not exist crashes Go; refuse before anything happens.
  let rest = env.messages;
  for (const r of rs) {
    const [msgs, rmdr] = splitMsgs(rest, r.id, typ, r.drop);
    if (!r.drop && msgs.length > 0 && env.node(r.id) === undefined) {
      fail(`deliver-msgs: cannot deliver ${msgs.length} message(s) to node ${r.id}, which does not exist`);
    }
    rest = rmdr;
  }

  if (deliverMsgs(env, typ, rs) === 0) env.output.write('no messages\n');
  return null;
}

/**
 * Delivers (or drops) the in-flight messages of type typ (-1: all) to each
 * recipient in turn; returns how many messages were handled.
 */
export function deliverMsgs(env: InteractionEnv, typ: number, rs: readonly Recipient[]): number {
  let n = 0;
  for (const r of rs) {
    const [msgs, rmdr] = splitMsgs(env.messages, r.id, typ, r.drop);
    env.messages = rmdr;
    n += msgs.length;
    for (const msg of msgs) {
      // Describing is the costly part of a quiet run; skip it when nothing prints.
      if (!env.output.quiet()) {
        if (r.drop) env.output.write('dropped: ');
        env.output.write(describeMessage(msg, defaultEntryFormatter) + '\n');
      }
      // Dropping is allowed for nodes that do not exist yet.
      if (r.drop) continue;
      const node = env.node(msg.to);
      if (node === undefined) fail(`cannot deliver a message to node ${msg.to}, which does not exist`);
      const err = node.rawNode.step(msg);
      if (err !== null) env.output.write(err.message + '\n');
    }
  }
  return n;
}

/**
 * Splits msgs (keeping their order) into those for recipient `to` of type
 * typ (-1: any) and the rest. When dropping, local messages are never taken.
 */
export function splitMsgs(msgs: readonly Message[], to: number, typ: number, drop: boolean): [Message[], Message[]] {
  const toMsgs: Message[] = [];
  const rmdr: Message[] = [];
  for (const msg of msgs) {
    if (msg.to === to && !(drop && isLocalMsg(msg)) && (typ < 0 || msg.type === typ)) toMsgs.push(msg);
    else rmdr.push(msg);
  }
  return [toMsgs, rmdr];
}

// Local messages need reliable delivery, so they are never dropped.
function isLocalMsg(msg: Message): boolean {
  return msg.from === msg.to || isLocalMsgTarget(msg.from) || isLocalMsgTarget(msg.to);
}
