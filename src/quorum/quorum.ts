// Shared vocabulary of the quorum package: log indexes, how a configuration
// learns what each voter has acknowledged, and the outcome of a vote.
import { NO_LIMIT } from '../raftpb/types.js';

/** A Raft log position. NO_LIMIT stands for Go's math.MaxUint64. */
export type Index = number;

// `∞` as the UTF-8 bytes Go writes (output is a byte string).
const INFINITY_BYTES = '\u00e2\u0088\u009e';

/** Go's Index.String(). */
export function indexString(i: Index): string {
  return i === NO_LIMIT ? INFINITY_BYTES : uint64String(i);
}

/** Go's decimal form of a uint64; NO_LIMIT prints as math.MaxUint64 does. */
export function uint64String(n: number): string {
  return n === NO_LIMIT ? '18446744073709551615' : String(n);
}

/** Looks up the index acknowledged by a voter; undefined when unknown. */
export interface AckedIndexer {
  ackedIndex(voterId: number): Index | undefined;
}

/** An AckedIndexer backed by a map (Go's mapAckIndexer). */
export class MapAckIndexer implements AckedIndexer {
  constructor(readonly m: Map<number, Index> = new Map()) {}
  ackedIndex(voterId: number): Index | undefined {
    return this.m.get(voterId);
  }
}

export const VoteResult = {
  VotePending: 1,
  VoteLost: 2,
  VoteWon: 3,
} as const;
export type VoteResult = (typeof VoteResult)[keyof typeof VoteResult];
export const VoteResultName: Readonly<Record<number, string>> = {
  1: 'VotePending',
  2: 'VoteLost',
  3: 'VoteWon',
};

/** Go's VoteResult.String() (stringer output, including the fallback). */
export function voteResultString(v: number): string {
  return VoteResultName[v] ?? `VoteResult(${v})`;
}
