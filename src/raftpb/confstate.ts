// ConfState comparison and Go's %v / %+v / %+#v renderings of it.
import { formatUint64sV, hex } from '../util/gofmt.js';
import type { ConfState } from './types.js';

function sorted(a: readonly number[]): number[] {
  return [...a].sort((x, y) => x - y);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Go's ConfState.Equivalent: null if both describe the same configuration
 * (ignoring the order of ids), otherwise an Error showing both.
 */
export function confStateEquivalent(a: ConfState, b: ConfState): Error | null {
  const s1 = normalized(a);
  const s2 = normalized(b);
  if (
    sameIds(s1.voters, s2.voters) &&
    sameIds(s1.learners, s2.learners) &&
    sameIds(s1.votersOutgoing, s2.votersOutgoing) &&
    sameIds(s1.learnersNext, s2.learnersNext) &&
    s1.autoLeave === s2.autoLeave
  ) {
    return null;
  }
  return new Error(
    'ConfStates not equivalent after sorting:\n' +
      `${formatConfStateSharpPlusV(s1)}\n${formatConfStateSharpPlusV(s2)}\n` +
      'Inputs were:\n' +
      `${formatConfStateSharpPlusV(a)}\n${formatConfStateSharpPlusV(b)}`,
  );
}

function normalized(cs: ConfState): ConfState {
  return {
    voters: sorted(cs.voters),
    learners: sorted(cs.learners),
    votersOutgoing: sorted(cs.votersOutgoing),
    learnersNext: sorted(cs.learnersNext),
    autoLeave: cs.autoLeave,
  };
}

/** Go `%v` of a ConfState: `{[1 2] [] [] [] false}`. */
export function formatConfStateV(cs: ConfState): string {
  return `{${formatUint64sV(cs.voters)} ${formatUint64sV(cs.learners)} ${formatUint64sV(cs.votersOutgoing)} ${formatUint64sV(cs.learnersNext)} ${cs.autoLeave}}`;
}

/** Go `%+v` of a ConfState. */
export function formatConfStatePlusV(cs: ConfState): string {
  return (
    `{Voters:${formatUint64sV(cs.voters)} Learners:${formatUint64sV(cs.learners)} VotersOutgoing:${formatUint64sV(cs.votersOutgoing)} ` +
    `LearnersNext:${formatUint64sV(cs.learnersNext)} AutoLeave:${cs.autoLeave}}`
  );
}

// Go-syntax rendering; an empty list prints as a nil slice (what raft builds).
function idsSharpV(ids: readonly number[]): string {
  if (ids.length === 0) return '[]uint64(nil)';
  return '[]uint64{' + ids.map((id) => '0x' + hex(id)).join(', ') + '}';
}

/** Go `%+#v` of a ConfState. */
export function formatConfStateSharpPlusV(cs: ConfState): string {
  return (
    `raftpb.ConfState{Voters:${idsSharpV(cs.voters)}, Learners:${idsSharpV(cs.learners)}, ` +
    `VotersOutgoing:${idsSharpV(cs.votersOutgoing)}, LearnersNext:${idsSharpV(cs.learnersNext)}, ` +
    `AutoLeave:${cs.autoLeave}}`
  );
}
