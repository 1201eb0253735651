// The protocol vocabulary of etcd raft (raftpb/raft.proto), as plain data.
//
// Numbers: Go uses uint64 for terms, indexes, ids and sizes. Here they are
// JS numbers, exact up to Number.MAX_SAFE_INTEGER (2^53-1); anything that
// comes from outside (scripts, callers) and is larger is rejected at the
// boundary (see src/util/uint64.ts). "No limit" (Go's math.MaxUint64) is
// NO_LIMIT, which compares greater than every exact value.
//
// Bytes: payloads are Uint8Array. An absent payload (Go's nil) is
// `undefined`; an empty but present one is a zero-length array. The
// difference matters for the protobuf size of an entry.

export const NO_LIMIT = Number.POSITIVE_INFINITY;

export const EntryType = {
  EntryNormal: 0,
  EntryConfChange: 1,
  EntryConfChangeV2: 2,
} as const;
export type EntryType = (typeof EntryType)[keyof typeof EntryType];
export const EntryTypeName: readonly string[] = ['EntryNormal', 'EntryConfChange', 'EntryConfChangeV2'];

export const MessageType = {
  MsgHup: 0,
  MsgBeat: 1,
  MsgProp: 2,
  MsgApp: 3,
  MsgAppResp: 4,
  MsgVote: 5,
  MsgVoteResp: 6,
  MsgSnap: 7,
  MsgHeartbeat: 8,
  MsgHeartbeatResp: 9,
  MsgUnreachable: 10,
  MsgSnapStatus: 11,
  MsgCheckQuorum: 12,
  MsgTransferLeader: 13,
  MsgTimeoutNow: 14,
  MsgReadIndex: 15,
  MsgReadIndexResp: 16,
  MsgPreVote: 17,
  MsgPreVoteResp: 18,
  MsgStorageAppend: 19,
  MsgStorageAppendResp: 20,
  MsgStorageApply: 21,
  MsgStorageApplyResp: 22,
  MsgForgetLeader: 23,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
export const MessageTypeName: readonly string[] = Object.keys(MessageType);

/** Go's `%s`/`%v` of a MessageType: the name, or the number if unknown. */
export function messageTypeString(t: number): string {
  return MessageTypeName[t] ?? String(t);
}

/** MessageType_value lookup: undefined for an unknown name. */
export function messageTypeFromName(name: string): MessageType | undefined {
  return Object.prototype.hasOwnProperty.call(MessageType, name)
    ? MessageType[name as keyof typeof MessageType]
    : undefined;
}

export const ConfChangeTransition = {
  ConfChangeTransitionAuto: 0,
  ConfChangeTransitionJointImplicit: 1,
  ConfChangeTransitionJointExplicit: 2,
} as const;
export type ConfChangeTransition = (typeof ConfChangeTransition)[keyof typeof ConfChangeTransition];
export const ConfChangeTransitionName: readonly string[] = Object.keys(ConfChangeTransition);

export const ConfChangeType = {
  ConfChangeAddNode: 0,
  ConfChangeRemoveNode: 1,
  ConfChangeUpdateNode: 2,
  ConfChangeAddLearnerNode: 3,
} as const;
export type ConfChangeType = (typeof ConfChangeType)[keyof typeof ConfChangeType];
export const ConfChangeTypeName: readonly string[] = Object.keys(ConfChangeType);

export interface Entry {
  term: number;
  index: number;
  type: EntryType;
  data?: Uint8Array;
}

export interface ConfState {
  voters: number[];
  learners: number[];
  votersOutgoing: number[];
  learnersNext: number[];
  autoLeave: boolean;
}

export interface SnapshotMetadata {
  confState: ConfState;
  index: number;
  term: number;
}

export interface Snapshot {
  data?: Uint8Array;
  metadata: SnapshotMetadata;
}

export interface Message {
  type: MessageType;
  to: number;
  from: number;
  term: number;
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  vote: number;
  snapshot?: Snapshot;
  reject: boolean;
  rejectHint: number;
  context?: Uint8Array;
  responses: Message[];
}

export interface HardState {
  term: number;
  vote: number;
  commit: number;
}

export interface ConfChange {
  type: ConfChangeType;
  nodeId: number;
  context?: Uint8Array;
  id: number;
}

export interface ConfChangeSingle {
  type: ConfChangeType;
  nodeId: number;
}

export interface ConfChangeV2 {
  transition: ConfChangeTransition;
  changes: ConfChangeSingle[];
  context?: Uint8Array;
}

// Constructors for zero values with optional overrides: Go's composite
// literals, e.g. `pb.Message{Type: pb.MsgApp, To: 2}` is
// `newMessage({ type: MessageType.MsgApp, to: 2 })`.

export function newEntry(e: Partial<Entry> = {}): Entry {
  return { term: 0, index: 0, type: EntryType.EntryNormal, ...e };
}

export function newConfState(cs: Partial<ConfState> = {}): ConfState {
  return { voters: [], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false, ...cs };
}

export function newSnapshot(s: { data?: Uint8Array; metadata?: Partial<SnapshotMetadata> } = {}): Snapshot {
  const md = s.metadata ?? {};
  return {
    data: s.data,
    metadata: { confState: md.confState ?? newConfState(), index: md.index ?? 0, term: md.term ?? 0 },
  };
}

export function newMessage(m: Partial<Message> = {}): Message {
  // Spelled out rather than spread: messages are created on every step, and
  // a fixed field order keeps them one hidden class.
  return {
    type: m.type ?? MessageType.MsgHup,
    to: m.to ?? 0,
    from: m.from ?? 0,
    term: m.term ?? 0,
    logTerm: m.logTerm ?? 0,
    index: m.index ?? 0,
    entries: m.entries ?? [],
    commit: m.commit ?? 0,
    vote: m.vote ?? 0,
    snapshot: m.snapshot,
    reject: m.reject ?? false,
    rejectHint: m.rejectHint ?? 0,
    context: m.context,
    responses: m.responses ?? [],
  };
}

export function newHardState(hs: Partial<HardState> = {}): HardState {
  return { term: 0, vote: 0, commit: 0, ...hs };
}

export function newConfChange(cc: Partial<ConfChange> = {}): ConfChange {
  return { type: ConfChangeType.ConfChangeAddNode, nodeId: 0, id: 0, ...cc };
}

export function newConfChangeV2(cc: Partial<ConfChangeV2> = {}): ConfChangeV2 {
  return { transition: ConfChangeTransition.ConfChangeTransitionAuto, changes: [], ...cc };
}
