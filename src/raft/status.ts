// Status snapshots of a raft node (port of status.go).
import type { HardState } from '../raftpb/types.js';
import { progressStateString, type Config as TrackerConfig, type Progress } from '../tracker/index.js';
import { quoteByteString, sprintf } from '../util/gofmt.js';
import type { Raft } from './raft.js';
import { stateTypeString } from './util.js';
import { StateType, type SoftState } from './ready.js';

/**
 * Basic information about a node; the HardState and SoftState fields are
 * flattened in, as Go's embedding promotes them (st.term, st.lead, ...).
 */
export interface BasicStatus extends HardState, SoftState {
  id: number;
  applied: number;
  leadTransferee: number;
}

export interface Status extends BasicStatus {
  config: TrackerConfig;
  /** Copies of the followers' progress; empty unless this node is the leader. */
  progress: Map<number, Progress>;
}

/** A detached copy of a Progress (its Inflights cloned, or dropped). */
export function copyProgress(pr: Progress, withInflights: boolean): Progress {
  const p = pr.copy();
  // Go sets Inflights to nil in WithProgress; here it is left out the same way.
  (p as { inflights: unknown }).inflights = withInflights ? pr.inflights.clone() : undefined;
  return p;
}

export function getProgressCopy(r: Raft): Map<number, Progress> {
  const m = new Map<number, Progress>();
  r.trk.visit((id, pr) => {
    m.set(id, copyProgress(pr, true));
  });
  return m;
}

export function getBasicStatus(r: Raft): BasicStatus {
  const hs = r.hardState();
  const ss = r.softState();
  return {
    id: r.id,
    term: hs.term,
    vote: hs.vote,
    commit: hs.commit,
    lead: ss.lead,
    raftState: ss.raftState,
    applied: r.raftLog.applied,
    leadTransferee: r.leadTransferee,
  };
}

export function getStatus(r: Raft): Status {
  const b = getBasicStatus(r);
  return {
    ...b,
    progress: b.raftState === StateType.StateLeader ? getProgressCopy(r) : new Map(),
    config: r.trk.config.clone(),
  };
}

/** Go's Status.MarshalJSON (progress in ascending id order). */
export function statusJSON(s: Status): string {
  let j = sprintf(
    '{"id":"%x","term":%d,"vote":"%x","commit":%d,"lead":"%x","raftState":%s,"applied":%d,"progress":{',
    s.id,
    s.term,
    s.vote,
    s.commit,
    s.lead,
    quoteByteString(stateTypeString(s.raftState)),
    s.applied,
  );
  if (s.progress.size === 0) {
    j += '},';
  } else {
    const ids = [...s.progress.keys()].sort((a, b) => a - b);
    for (const k of ids) {
      const v = s.progress.get(k)!;
      j += sprintf('"%x":{"match":%d,"next":%d,"state":%s},', k, v.match, v.next, quoteByteString(progressStateString(v.state)));
    }
    j = j.slice(0, -1) + '},';
  }
  j += sprintf('"leadtransferee":"%x"}', s.leadTransferee);
  return j;
}

/** Go's Status.String(). */
export function statusString(s: Status): string {
  return statusJSON(s);
}
