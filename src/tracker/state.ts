import { panic } from '../util/panic.js';

// The replication state of a follower as tracked by the leader (Go's
// tracker.StateType, renamed so it does not clash with raft's StateType).
export const ProgressState = {
  StateProbe: 0,
  StateReplicate: 1,
  StateSnapshot: 2,
} as const;
export type ProgressState = (typeof ProgressState)[keyof typeof ProgressState];
export const ProgressStateName: readonly string[] = ['StateProbe', 'StateReplicate', 'StateSnapshot'];

export function progressStateString(s: number): string {
  const name = ProgressStateName[s];
  // Go indexes a fixed array here and would panic on an unknown state.
  if (name === undefined) panic(`runtime error: index out of range [${s}] with length 3`);
  return name;
}
