// Small helpers of raft's util.go, node.go and raft.go that the state
// machine, RawNode and the test harness share.
import { MessageType, messageTypeString } from '../raftpb/types.js';
import type { ConfState, Entry, HardState, Snapshot } from '../raftpb/types.js';
import { entrySize } from '../raftpb/proto.js';
import { confStateEquivalent } from '../raftpb/confstate.js';
import { panic } from '../util/panic.js';
import type { Logger } from './logger.js';
import { StateTypeName } from './ready.js';

/** The absence of a node id (no leader, no vote). */
export const None = 0;
// Go uses math.MaxUint64 and math.MaxUint64-1, which a number cannot hold.
// These stand in for them: both compare above every real id, in the same
// order, and util/gofmt.ts prints them exactly as Go prints those values.
/** Target of MsgStorageAppend messages (Go: math.MaxUint64). */
export const LocalAppendThread = 2 ** 64;
/** Target of MsgStorageApply messages (Go: math.MaxUint64 - 1). */
export const LocalApplyThread = 2 ** 64 - 2048;

/** Go's StateType.String(). */
export function stateTypeString(s: number): string {
  return StateTypeName[s] ?? String(s);
}

const LOCAL_MSG: readonly boolean[] = (() => {
  const a: boolean[] = [];
  for (const t of [
    MessageType.MsgHup,
    MessageType.MsgBeat,
    MessageType.MsgUnreachable,
    MessageType.MsgSnapStatus,
    MessageType.MsgCheckQuorum,
    MessageType.MsgStorageAppend,
    MessageType.MsgStorageAppendResp,
    MessageType.MsgStorageApply,
    MessageType.MsgStorageApplyResp,
  ]) {
    a[t] = true;
  }
  return Array.from(a, (x) => x === true);
})();

const RESPONSE_MSG: readonly boolean[] = (() => {
  const a: boolean[] = [];
  for (const t of [
    MessageType.MsgAppResp,
    MessageType.MsgVoteResp,
    MessageType.MsgHeartbeatResp,
    MessageType.MsgUnreachable,
    MessageType.MsgReadIndexResp,
    MessageType.MsgPreVoteResp,
    MessageType.MsgStorageAppendResp,
    MessageType.MsgStorageApplyResp,
  ]) {
    a[t] = true;
  }
  return Array.from(a, (x) => x === true);
})();

/** Go's IsLocalMsg. */
export function isLocalMsg(t: number): boolean {
  return LOCAL_MSG[t] === true;
}

/** Go's IsResponseMsg. */
export function isResponseMsg(t: number): boolean {
  return RESPONSE_MSG[t] === true;
}

/**
 * Messages only a leader sends, which make a follower acknowledge the sender
 * as leader (raft.go's `m.Type == MsgApp || MsgHeartbeat || MsgSnap` check).
 */
export function isMsgFromLeader(t: number): boolean {
  return t === MessageType.MsgApp || t === MessageType.MsgHeartbeat || t === MessageType.MsgSnap;
}

/** Go's IsLocalMsgTarget. */
export function isLocalMsgTarget(id: number): boolean {
  return id === LocalAppendThread || id === LocalApplyThread;
}

/** The response type of a vote or prevote message. */
export function voteRespMsgType(t: number): MessageType {
  switch (t) {
    case MessageType.MsgVote:
      return MessageType.MsgVoteResp;
    case MessageType.MsgPreVote:
      return MessageType.MsgPreVoteResp;
    default:
      panic(`not a vote message: ${messageTypeString(t)}`);
  }
}

/** Protobuf encoding size of the entries (Go's entsSize). */
export function entsSize(ents: readonly Entry[]): number {
  let size = 0;
  for (let i = 0; i < ents.length; i++) size += entrySize(ents[i]!);
  return size;
}

/**
 * The longest prefix of ents whose encoding size is at most maxSize, but
 * never empty for a non-empty input. Returns ents itself when it all fits.
 */
export function limitSize(ents: Entry[], maxSize: number): Entry[] {
  const n = ents.length;
  if (n === 0) return ents;
  let size = entrySize(ents[0]!);
  for (let limit = 1; limit < n; limit++) {
    size += entrySize(ents[limit]!);
    if (size > maxSize) return ents.slice(0, limit);
  }
  return ents;
}

/** Size of an entry's payload; independent of index and term. */
export function payloadSize(e: Entry): number {
  return e.data === undefined ? 0 : e.data.length;
}

export function payloadsSize(ents: readonly Entry[]): number {
  let s = 0;
  for (let i = 0; i < ents.length; i++) {
    const d = ents[i]!.data;
    if (d !== undefined) s += d.length;
  }
  return s;
}

/**
 * dst followed by vals, as a new array: Go's extend allocates exactly what
 * is needed; here a fresh array also keeps other holders of dst unaffected.
 */
export function extend(dst: readonly Entry[], vals: readonly Entry[]): Entry[] {
  if (dst.length === 0) return vals.slice();
  if (vals.length === 0) return dst.slice();
  return dst.concat(vals);
}

export function assertConfStatesEquivalent(l: Logger, cs1: ConfState, cs2: ConfState): void {
  const err = confStateEquivalent(cs1, cs2);
  if (err === null) return;
  l.panic(err);
}

/** node.go's emptyState. */
export const emptyState: Readonly<HardState> = Object.freeze({ term: 0, vote: 0, commit: 0 });

export function isHardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

export function isEmptyHardState(st: HardState): boolean {
  return st.term === 0 && st.vote === 0 && st.commit === 0;
}

export function isEmptySnap(sp: Snapshot): boolean {
  return sp.metadata.index === 0;
}
