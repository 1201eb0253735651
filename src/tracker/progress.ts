// The leader's view of one follower's log, and the flow-control state that
// decides when to send it entries.
import { NO_LIMIT } from '../raftpb/types.js';
import { panic } from '../util/panic.js';
import { Inflights } from './inflights.js';
import { ProgressState, progressStateString } from './state.js';

export interface ProgressInit {
  match?: number;
  next?: number;
  sentCommit?: number;
  state?: ProgressState;
  pendingSnapshot?: number;
  recentActive?: boolean;
  msgAppFlowPaused?: boolean;
  inflights?: Inflights;
  isLearner?: boolean;
}

// Go's uint64 `x - 1`, which wraps around at zero.
function dec(x: number): number {
  return x === 0 ? NO_LIMIT : x - 1;
}

export class Progress {
  /** Highest index known to match the leader's log. */
  match: number;
  /** Next index to send; (match, next) is in flight. Invariant: match < next. */
  next: number;
  /** Highest commit index sent to the follower (may regress). */
  sentCommit: number;
  state: ProgressState;
  /** Leader's last index when it decided a snapshot was needed. */
  pendingSnapshot: number;
  recentActive: boolean;
  /** Set when MsgApp flow is throttled: a probe or a full window. */
  msgAppFlowPaused: boolean;
  inflights: Inflights;
  isLearner: boolean;

  /**
   * Like Go's composite literal: omitted fields take zero values. Go code
   * always supplies Inflights; when omitted here it is an empty window of
   * size 0 (which is always full).
   */
  constructor(init: ProgressInit = {}) {
    this.match = init.match ?? 0;
    this.next = init.next ?? 0;
    this.sentCommit = init.sentCommit ?? 0;
    this.state = init.state ?? ProgressState.StateProbe;
    this.pendingSnapshot = init.pendingSnapshot ?? 0;
    this.recentActive = init.recentActive ?? false;
    this.msgAppFlowPaused = init.msgAppFlowPaused ?? false;
    this.inflights = init.inflights ?? new Inflights(0, 0);
    this.isLearner = init.isLearner ?? false;
  }

  /** Go's value copy `*pr`: a new Progress sharing the same Inflights. */
  copy(): Progress {
    return new Progress(this);
  }

  /** Enters `state`, clearing the pause flag, pending snapshot and inflights. */
  resetState(state: ProgressState): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  /** Enters StateProbe; next restarts after match, or after a sent snapshot. */
  becomeProbe(): void {
    if (this.state === ProgressState.StateSnapshot) {
      // The snapshot was delivered, so probe from just after it.
      const pendingSnapshot = this.pendingSnapshot;
      this.resetState(ProgressState.StateProbe);
      this.next = Math.max(this.match + 1, pendingSnapshot + 1);
    } else {
      this.resetState(ProgressState.StateProbe);
      this.next = this.match + 1;
    }
    this.sentCommit = Math.min(this.sentCommit, dec(this.next));
  }

  becomeReplicate(): void {
    this.resetState(ProgressState.StateReplicate);
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshoti: number): void {
    this.resetState(ProgressState.StateSnapshot);
    this.pendingSnapshot = snapshoti;
    this.next = snapshoti + 1;
    this.sentCommit = snapshoti;
  }

  /** Accounts for a MsgApp of `entries` entries totalling `bytes` bytes. */
  sentEntries(entries: number, bytes: number): void {
    switch (this.state) {
      case ProgressState.StateReplicate:
        if (entries > 0) {
          this.next += entries;
          this.inflights.add(this.next - 1, bytes);
        }
        // A message that fills the window acts as a probe: pause the flow.
        this.msgAppFlowPaused = this.inflights.full();
        break;
      case ProgressState.StateProbe:
        if (entries > 0) this.msgAppFlowPaused = true;
        break;
      default:
        panic(`sending append in unhandled state ${progressStateString(this.state)}`);
    }
  }

  /** Whether sending commit `index` could still advance the follower's commit. */
  canBumpCommit(index: number): boolean {
    return index > this.sentCommit && this.sentCommit < dec(this.next);
  }

  /** Go's SentCommit(commit). */
  sentCommitTo(commit: number): void {
    this.sentCommit = commit;
  }

  /** Handles an ack of index n; false if it is stale. */
  maybeUpdate(n: number): boolean {
    if (n <= this.match) return false;
    this.match = n;
    this.next = Math.max(this.next, n + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /** Handles a rejection of index `rejected`; false if it is stale. */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === ProgressState.StateReplicate) {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      this.sentCommit = Math.min(this.sentCommit, dec(this.next));
      return true;
    }
    // Outside StateReplicate one entry is probed at a time, so a rejection
    // of anything but next-1 is stale.
    if (dec(this.next) !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.sentCommit = Math.min(this.sentCommit, dec(this.next));
    this.msgAppFlowPaused = false;
    return true;
  }

  /** Whether sending entries to this follower is throttled. */
  isPaused(): boolean {
    switch (this.state) {
      case ProgressState.StateProbe:
        return this.msgAppFlowPaused;
      case ProgressState.StateReplicate:
        return this.msgAppFlowPaused;
      case ProgressState.StateSnapshot:
        return true;
      default:
        return panic('unexpected state');
    }
  }

  toString(): string {
    let buf = `${progressStateString(this.state)} match=${this.match} next=${this.next}`;
    if (this.isLearner) buf += ' learner';
    if (this.isPaused()) buf += ' paused';
    if (this.pendingSnapshot > 0) buf += ` pendingSnap=${this.pendingSnapshot}`;
    if (!this.recentActive) buf += ' inactive';
    const n = this.inflights.count();
    if (n > 0) {
      buf += ` inflight=${n}`;
      if (this.inflights.full()) buf += '[full]';
    }
    return buf;
  }
}

/** Go's ProgressMap: progress by node id. */
export type ProgressMap = Map<number, Progress>;

/** Go's ProgressMap.String(): one `id: progress` line per node, by id. */
export function progressMapString(m: ProgressMap): string {
  const ids = Array.from(m.keys()).sort((a, b) => a - b);
  let buf = '';
  for (const id of ids) buf += `${id}: ${m.get(id)!.toString()}\n`;
  return buf;
}
