// Types shared by the state machine, RawNode and the Describe* formatters
// (Go keeps them in raft.go, node.go and read_only.go).
import type { Entry, HardState, Message, Snapshot } from '../raftpb/types.js';

export const StateType = {
  StateFollower: 0,
  StateCandidate: 1,
  StateLeader: 2,
  StatePreCandidate: 3,
} as const;
export type StateType = (typeof StateType)[keyof typeof StateType];
export const StateTypeName: readonly string[] = ['StateFollower', 'StateCandidate', 'StateLeader', 'StatePreCandidate'];

/** Volatile state that need not be persisted; lead is 0 (None) when unknown. */
export interface SoftState {
  lead: number;
  raftState: StateType;
}

/** The answer to a read-only request (see read_only.ts). */
export interface ReadState {
  index: number;
  requestCtx: Uint8Array;
}

/** What RawNode hands to the application: see rawnode.ts. */
export interface Ready {
  softState?: SoftState;
  hardState: HardState;
  readStates: ReadState[];
  entries: Entry[];
  snapshot: Snapshot;
  committedEntries: Entry[];
  messages: Message[];
  mustSync: boolean;
}
