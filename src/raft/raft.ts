// The raft state machine (port of raft.go): follower, pre-candidate,
// candidate and leader, driven by step() and tick().
import {
  EntryType,
  MessageType,
  messageTypeString,
  newEntry,
  newMessage,
  newSnapshot,
  type ConfChange,
  type ConfChangeV2,
  type ConfState,
  type Entry,
  type HardState,
  type Message,
  type Snapshot,
} from '../raftpb/types.js';
import { unmarshalConfChange, unmarshalConfChangeV2 } from '../raftpb/proto.js';
import { asV2, enterJoint, formatConfChangeV, leaveJoint, marshalConfChangeI, type ConfChangeI } from '../raftpb/confchange.js';
import { formatConfStatePlusV, formatConfStateV } from '../raftpb/confstate.js';
import { Changer, restore as restoreConfChange } from '../confchange/index.js';
import { VoteResult } from '../quorum/index.js';
import {
  Inflights,
  makeProgressTracker,
  ProgressState,
  type Config as TrackerConfig,
  type Progress,
  type ProgressMap,
  type ProgressTracker,
} from '../tracker/index.js';
import { bytesOf } from '../util/bytes.js';
import { sprintf } from '../util/gofmt.js';
import { panic } from '../util/panic.js';
import { getLogger } from './default_logger.js';
import type { Logger } from './logger.js';
import { RaftLog } from './log.js';
import type { EntryID, LogSlice } from './log_unstable.js';
import { intn } from './rand.js';
import { newReadOnly, ReadOnlyOption, type ReadOnly } from './read_only.js';
import { StateType, type ReadState, type SoftState } from './ready.js';
import { ErrCompacted, ErrSnapshotTemporarilyUnavailable, type Storage } from './storage.js';
import {
  assertConfStatesEquivalent,
  entsSize,
  isEmptyHardState,
  isEmptySnap,
  isLocalMsgTarget,
  None,
  payloadsSize,
  stateTypeString,
  voteRespMsgType,
} from './util.js';

export { ReadOnlyOption } from './read_only.js';

/** Why a node campaigns; a transfer campaign carries its name as context. */
export const CampaignType = {
  /** The pre-vote round, used only with Config.preVote. */
  campaignPreElection: 'CampaignPreElection',
  /** The real vote after an election timeout (after pre-vote, if enabled). */
  campaignElection: 'CampaignElection',
  /** Leadership transfer. */
  campaignTransfer: 'CampaignTransfer',
} as const;
export type CampaignType = (typeof CampaignType)[keyof typeof CampaignType];

export const ErrProposalDropped = new Error('raft proposal dropped');

/** The parameters of a raft node. Zero/absent fields mean what Go's zero value means. */
export interface Config {
  /** This node's raft ID; must be non-zero. */
  id: number;
  /** Ticks without leader contact before a follower campaigns; must exceed heartbeatTick. */
  electionTick: number;
  /** Ticks between leader heartbeats. */
  heartbeatTick: number;
  storage?: Storage;
  /** The last applied index, set when restarting. */
  applied?: number;
  /** Use MsgStorageAppend/MsgStorageApply messages instead of Ready/Advance for local writes. */
  asyncStorageWrites?: boolean;
  /** Max bytes per append message; 0 means a single entry each, NO_LIMIT disables the cap. */
  maxSizePerMsg?: number;
  /** Max bytes of committed entries being applied at once; defaults to maxSizePerMsg. */
  maxCommittedSizePerReady?: number;
  /** Max bytes of the uncommitted log tail on a leader; 0 for no limit. */
  maxUncommittedEntriesSize?: number;
  /** Max in-flight append messages per follower; must be > 0. */
  maxInflightMsgs?: number;
  /** Max in-flight bytes of append messages; 0 for no limit. */
  maxInflightBytes?: number;
  checkQuorum?: boolean;
  preVote?: boolean;
  readOnlyOption?: ReadOnlyOption;
  logger?: Logger;
  disableProposalForwarding?: boolean;
  disableConfChangeValidation?: boolean;
  stepDownOnRemoval?: boolean;
  /** An integer in [0, n); replaces Go's global rand (default: the module PRNG). */
  random?: (n: number) => number;
}

/** Checks c and fills in defaults in place, like Go's Config.validate. */
export function validateConfig(c: Config): Error | null {
  if (c.id === None) return new Error('cannot use none as id');
  if (isLocalMsgTarget(c.id)) return new Error('cannot use local target as id');
  if (c.heartbeatTick <= 0) return new Error('heartbeat tick must be greater than 0');
  if (c.electionTick <= c.heartbeatTick) return new Error('election tick must be greater than heartbeat tick');
  if (c.storage === undefined || c.storage === null) return new Error('storage cannot be nil');
  c.applied ??= 0;
  c.maxSizePerMsg ??= 0;
  if (!c.maxUncommittedEntriesSize) c.maxUncommittedEntriesSize = Number.POSITIVE_INFINITY;
  // MaxCommittedSizePerReady defaults to MaxSizePerMsg: they used to be the same parameter.
  if (!c.maxCommittedSizePerReady) c.maxCommittedSizePerReady = c.maxSizePerMsg;
  if (c.maxInflightMsgs === undefined || c.maxInflightMsgs <= 0) {
    return new Error('max inflight messages must be greater than 0');
  }
  if (!c.maxInflightBytes) {
    c.maxInflightBytes = Number.POSITIVE_INFINITY;
  } else if (c.maxInflightBytes < c.maxSizePerMsg) {
    return new Error('max inflight bytes must be >= max message size');
  }
  if (c.logger === undefined) c.logger = getLogger();
  c.readOnlyOption ??= ReadOnlyOption.ReadOnlySafe;
  if (c.readOnlyOption === ReadOnlyOption.ReadOnlyLeaseBased && !c.checkQuorum) {
    return new Error('CheckQuorum must be enabled when ReadOnlyOption is ReadOnlyLeaseBased');
  }
  return null;
}

export type StepFunc = (r: Raft, m: Message) => Error | null;

/** Sentinel used to stop a scan early. */
const errBreak = new Error('break');

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The MsgProp proposing cc (undefined: the empty ConfChangeV2 that leaves a joint config). */
export function confChangeToMsg(c: ConfChangeI | undefined): Message {
  if (c === undefined) {
    return newMessage({ type: MessageType.MsgProp, entries: [newEntry({ type: EntryType.EntryConfChangeV2 })] });
  }
  const { type, data } = marshalConfChangeI(c);
  return newMessage({ type: MessageType.MsgProp, entries: [newEntry({ type, data })] });
}

export class Raft {
  id: number;
  term = 0;
  vote = 0;
  readStates: ReadState[] = [];
  raftLog: RaftLog;
  maxMsgSize: number;
  maxUncommittedSize: number;
  trk: ProgressTracker;
  state: StateType = StateType.StateFollower;
  /** Whether the local node is a learner. */
  isLearner = false;
  /** Messages to send right away; they never target this node. */
  msgs: Message[] = [];
  /**
   * Messages to send once the unstable state they depend on is durable
   * (MsgAppResp, MsgVoteResp, MsgPreVoteResp); may target this node.
   */
  msgsAfterAppend: Message[] = [];
  lead = None;
  /** The leader transfer target, None if no transfer is in progress. */
  leadTransferee = None;
  /**
   * At least the index of the latest pending conf change; a new one may only
   * be proposed once the leader has applied past it.
   */
  pendingConfIndex = 0;
  disableConfChangeValidation: boolean;
  /** Estimated size of the uncommitted log tail (leader only). */
  uncommittedSize = 0;
  readOnly: ReadOnly;
  electionElapsed = 0;
  heartbeatElapsed = 0;
  checkQuorum: boolean;
  preVote: boolean;
  heartbeatTimeout: number;
  electionTimeout: number;
  /** In [electionTimeout, 2*electionTimeout-1]; reset on becoming follower or candidate. */
  randomizedElectionTimeout = 0;
  disableProposalForwarding: boolean;
  stepDownOnRemoval: boolean;
  tick: () => void;
  stepFunc: StepFunc;
  logger: Logger;
  /** MsgReadIndex requests held until the leader commits an entry of its term. */
  pendingReadIndexMessages: Message[] = [];
  random: (n: number) => number;

  constructor(c: Config) {
    const err = validateConfig(c);
    if (err !== null) panic(err.message);
    const storage = c.storage!;
    const logger = c.logger!;
    const raftlog = new RaftLog(storage, logger, c.maxCommittedSizePerReady!);
    const { hardState: hs, confState: cs } = storage.initialState();

    this.id = c.id;
    this.raftLog = raftlog;
    this.maxMsgSize = c.maxSizePerMsg!;
    this.maxUncommittedSize = c.maxUncommittedEntriesSize!;
    this.trk = makeProgressTracker(c.maxInflightMsgs!, c.maxInflightBytes!);
    this.electionTimeout = c.electionTick;
    this.heartbeatTimeout = c.heartbeatTick;
    this.logger = logger;
    this.checkQuorum = c.checkQuorum ?? false;
    this.preVote = c.preVote ?? false;
    this.readOnly = newReadOnly(c.readOnlyOption!);
    this.disableProposalForwarding = c.disableProposalForwarding ?? false;
    this.disableConfChangeValidation = c.disableConfChangeValidation ?? false;
    this.stepDownOnRemoval = c.stepDownOnRemoval ?? false;
    this.random = c.random ?? intn;
    this.tick = () => this.tickElection();
    this.stepFunc = stepFollower;

    const lastID = this.raftLog.lastEntryID();
    let cfg: TrackerConfig;
    let trk: ProgressMap;
    try {
      [cfg, trk] = restoreConfChange(new Changer(this.trk, lastID.index), cs);
    } catch (e) {
      panic(errText(e));
    }
    assertConfStatesEquivalent(this.logger, cs, this.switchToConfig(cfg, trk));

    if (!isEmptyHardState(hs)) this.loadState(hs);
    if (c.applied! > 0) raftlog.appliedTo(c.applied!, 0);
    this.becomeFollower(this.term, None);

    const nodesStrs = this.trk.voterNodes().map((n) => sprintf('%x', n));
    this.logger.infof(
      'newRaft %x [peers: [%s], term: %d, commit: %d, applied: %d, lastindex: %d, lastterm: %d]',
      this.id,
      nodesStrs.join(','),
      this.term,
      this.raftLog.committed,
      this.raftLog.applied,
      lastID.index,
      lastID.term,
    );
  }

  hasLeader(): boolean {
    return this.lead !== None;
  }

  softState(): SoftState {
    return { lead: this.lead, raftState: this.state };
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.raftLog.committed };
  }

  /**
   * Queues m: on msgsAfterAppend for responses that must wait for durable
   * local state, else on msgs. Fills in from and term.
   */
  send(m0: Message): void {
    const m: Message = { ...m0 };
    if (m.from === None) m.from = this.id;
    const t = m.type;
    if (t === MessageType.MsgVote || t === MessageType.MsgVoteResp || t === MessageType.MsgPreVote || t === MessageType.MsgPreVoteResp) {
      if (m.term === 0) {
        // Votes and pre-votes name the term they are for; everything else gets ours below.
        this.logger.panicf('term should be set when sending %s', messageTypeString(t));
      }
    } else {
      if (m.term !== 0) {
        this.logger.panicf('term should not be set when sending %s (was %d)', messageTypeString(t), m.term);
      }
      // Proposals and read index requests are forwarded to the leader like
      // local messages, so they carry no term.
      if (t !== MessageType.MsgProp && t !== MessageType.MsgReadIndex) m.term = this.term;
    }
    if (t === MessageType.MsgAppResp || t === MessageType.MsgVoteResp || t === MessageType.MsgPreVoteResp) {
      // Votes and append acks must not be published before the state they
      // vouch for is durable (raft thesis 3.8).
      this.msgsAfterAppend.push(m);
    } else {
      if (m.to === this.id) {
        this.logger.panicf('message should not be self-addressed when sending %s', messageTypeString(t));
      }
      this.msgs.push(m);
    }
  }

  sendAppend(to: number): void {
    this.maybeSendAppend(to, true);
  }

  /**
   * Sends an append (with entries, if any are due) to the peer; empty ones
   * only if sendIfEmpty. Returns whether anything went out.
   */
  maybeSendAppend(to: number, sendIfEmpty: boolean): boolean {
    const pr = this.trk.progress.get(to)!;
    if (pr.isPaused()) return false;

    const prevIndex = pr.next - 1;
    const prevTerm = this.raftLog.termOrError(prevIndex);
    if (prevTerm instanceof Error) {
      // The log was probably truncated at >= pr.next: send a snapshot.
      return this.maybeSendSnapshot(to, pr);
    }

    let ents: Entry[] = [];
    let err: Error | null = null;
    // A full Inflights window in StateReplicate gets no entries. An empty
    // append (sendIfEmpty) still goes out; its ack or rejection frees the window.
    if (pr.state !== ProgressState.StateReplicate || !pr.inflights.full()) {
      try {
        ents = this.raftLog.entries(pr.next, this.maxMsgSize);
      } catch (e) {
        if (e !== ErrCompacted) throw e;
        err = ErrCompacted;
      }
    }
    if (ents.length === 0 && !sendIfEmpty) return false;
    if (err !== null) return this.maybeSendSnapshot(to, pr);

    this.send(
      newMessage({
        to,
        type: MessageType.MsgApp,
        index: prevIndex,
        logTerm: prevTerm,
        entries: ents,
        commit: this.raftLog.committed,
      }),
    );
    pr.sentEntries(ents.length, payloadsSize(ents));
    pr.sentCommitTo(this.raftLog.committed);
    return true;
  }

  /** Sends the storage snapshot to the peer; true if it was sent. */
  maybeSendSnapshot(to: number, pr: Progress): boolean {
    if (!pr.recentActive) {
      this.logger.debugf('ignore sending snapshot to %x since it is not recently active', to);
      return false;
    }
    let snapshot: Snapshot;
    try {
      snapshot = this.raftLog.snapshot();
    } catch (e) {
      if (e === ErrSnapshotTemporarilyUnavailable) {
        this.logger.debugf('%x failed to send snapshot to %x because snapshot is temporarily unavailable', this.id, to);
        return false;
      }
      panic(errText(e));
    }
    if (isEmptySnap(snapshot)) panic('need non-empty snapshot');
    const sindex = snapshot.metadata.index;
    const sterm = snapshot.metadata.term;
    this.logger.debugf(
      '%x [firstindex: %d, commit: %d] sent snapshot[index: %d, term: %d] to %x [%s]',
      this.id,
      this.raftLog.firstIndex(),
      this.raftLog.committed,
      sindex,
      sterm,
      to,
      pr,
    );
    pr.becomeSnapshot(sindex);
    this.logger.debugf('%x paused sending replication messages to %x [%s]', this.id, to, pr);
    this.send(newMessage({ to, type: MessageType.MsgSnap, snapshot }));
    return true;
  }

  sendHeartbeat(to: number, ctx: Uint8Array | undefined): void {
    const pr = this.trk.progress.get(to)!;
    // Never advance a follower's commit past what it is known to have.
    const commit = Math.min(pr.match, this.raftLog.committed);
    this.send(newMessage({ to, type: MessageType.MsgHeartbeat, commit, context: ctx }));
    pr.sentCommitTo(commit);
  }

  bcastAppend(): void {
    this.trk.visit((id) => {
      if (id === this.id) return;
      this.sendAppend(id);
    });
  }

  bcastHeartbeat(): void {
    const lastCtx = this.readOnly.lastPendingRequestCtx();
    if (lastCtx.length === 0) {
      this.bcastHeartbeatWithCtx(undefined);
    } else {
      this.bcastHeartbeatWithCtx(bytesOf(lastCtx));
    }
  }

  bcastHeartbeatWithCtx(ctx: Uint8Array | undefined): void {
    this.trk.visit((id) => {
      if (id === this.id) return;
      this.sendHeartbeat(id, ctx);
    });
  }

  appliedTo(index: number, size: number): void {
    const oldApplied = this.raftLog.applied;
    const newApplied = Math.max(index, oldApplied);
    this.raftLog.appliedTo(newApplied, size);

    if (this.trk.config.autoLeave && newApplied >= this.pendingConfIndex && this.state === StateType.StateLeader) {
      // Leave the joint config with an empty ConfChangeV2, which is never
      // refused for size. It can be dropped during a leadership transfer;
      // then it is retried on the next application.
      const m = confChangeToMsg(undefined);
      const err = this.step(m);
      if (err !== null) {
        this.logger.debugf('not initiating automatic transition out of joint configuration %s: %v', this.trk.config, err);
      } else {
        this.logger.infof('initiating automatic transition out of joint configuration %s', this.trk.config);
      }
    }
  }

  appliedSnap(snap: Snapshot): void {
    const index = snap.metadata.index;
    this.raftLog.stableSnapTo(index);
    this.appliedTo(index, 0);
  }

  /** Advances the commit index from the tracker's quorum; leader only. */
  maybeCommit(): boolean {
    return this.raftLog.maybeCommit({ term: this.term, index: this.trk.committed() });
  }

  reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = None;
    }
    this.lead = None;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.abortLeaderTransfer();
    this.trk.resetVotes();
    const lastIndex = this.raftLog.lastIndex();
    this.trk.visit((id, pr) => {
      pr.match = 0;
      pr.next = lastIndex + 1;
      pr.sentCommit = 0;
      pr.state = ProgressState.StateProbe;
      pr.pendingSnapshot = 0;
      pr.recentActive = false;
      pr.msgAppFlowPaused = false;
      pr.inflights = new Inflights(this.trk.maxInflight, this.trk.maxInflightBytes);
      if (id === this.id) pr.match = lastIndex;
    });
    this.pendingConfIndex = 0;
    this.uncommittedSize = 0;
    this.readOnly = newReadOnly(this.readOnly.option);
  }

  /** Appends entries at the current term; false if dropped for size. */
  appendEntry(es: Entry[]): boolean {
    let li = this.raftLog.lastIndex();
    for (let i = 0; i < es.length; i++) {
      es[i] = { ...es[i]!, term: this.term, index: li + 1 + i };
    }
    if (!this.increaseUncommittedSize(es)) {
      this.logger.warningf('%x appending new entries to log would exceed uncommitted entry size limit; dropping proposal', this.id);
      return false;
    }
    li = this.raftLog.append(es);
    // The leader acks its own entries once they are durable, through this
    // self-addressed response.
    this.send(newMessage({ to: this.id, type: MessageType.MsgAppResp, index: li }));
    return true;
  }

  tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.pastElectionTimeout()) {
      this.electionElapsed = 0;
      const err = this.step(newMessage({ from: this.id, type: MessageType.MsgHup }));
      if (err !== null) this.logger.debugf('error occurred during election: %v', err);
    }
  }

  tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;

    if (this.electionElapsed >= this.electionTimeout) {
      this.electionElapsed = 0;
      if (this.checkQuorum) {
        const err = this.step(newMessage({ from: this.id, type: MessageType.MsgCheckQuorum }));
        if (err !== null) this.logger.debugf('error occurred during checking sending heartbeat: %v', err);
      }
      // A transfer that did not finish within an election timeout is abandoned.
      if (this.state === StateType.StateLeader && this.leadTransferee !== None) this.abortLeaderTransfer();
    }

    if (this.state !== StateType.StateLeader) return;

    if (this.heartbeatElapsed >= this.heartbeatTimeout) {
      this.heartbeatElapsed = 0;
      const err = this.step(newMessage({ from: this.id, type: MessageType.MsgBeat }));
      if (err !== null) this.logger.debugf('error occurred during checking sending heartbeat: %v', err);
    }
  }

  becomeFollower(term: number, lead: number): void {
    this.stepFunc = stepFollower;
    this.reset(term);
    this.tick = () => this.tickElection();
    this.lead = lead;
    this.state = StateType.StateFollower;
    this.logger.infof('%x became follower at term %d', this.id, this.term);
  }

  becomeCandidate(): void {
    if (this.state === StateType.StateLeader) panic('invalid transition [leader -> candidate]');
    this.stepFunc = stepCandidate;
    this.reset(this.term + 1);
    this.tick = () => this.tickElection();
    this.vote = this.id;
    this.state = StateType.StateCandidate;
    this.logger.infof('%x became candidate at term %d', this.id, this.term);
  }

  becomePreCandidate(): void {
    if (this.state === StateType.StateLeader) panic('invalid transition [leader -> pre-candidate]');
    // Neither the term nor the vote changes.
    this.stepFunc = stepCandidate;
    this.trk.resetVotes();
    this.tick = () => this.tickElection();
    this.lead = None;
    this.state = StateType.StatePreCandidate;
    this.logger.infof('%x became pre-candidate at term %d', this.id, this.term);
  }

  becomeLeader(): void {
    if (this.state === StateType.StateFollower) panic('invalid transition [follower -> leader]');
    this.stepFunc = stepLeader;
    this.reset(this.term);
    this.tick = () => this.tickHeartbeat();
    this.lead = this.id;
    this.state = StateType.StateLeader;
    // The leader is trivially replicating to itself; reset() already set its match.
    const pr = this.trk.progress.get(this.id)!;
    pr.becomeReplicate();
    // The leader is always active; MsgCheckQuorum preserves this.
    pr.recentActive = true;

    // Conservatively block conf changes until the whole current log is
    // committed, rather than scanning it for a pending one.
    this.pendingConfIndex = this.raftLog.lastIndex();

    const emptyEnt = newEntry();
    if (!this.appendEntry([emptyEnt])) {
      // Cannot fail: reset() just cleared the uncommitted size.
      this.logger.panic('empty entry was dropped');
    }
    // The empty entry has payload size 0, so uncommittedSize is still 0.
    this.logger.infof('%x became leader at term %d', this.id, this.term);
  }

  hup(t: CampaignType): void {
    if (this.state === StateType.StateLeader) {
      this.logger.debugf('%x ignoring MsgHup because already leader', this.id);
      return;
    }
    if (!this.promotable()) {
      this.logger.warningf('%x is unpromotable and can not campaign', this.id);
      return;
    }
    if (this.hasUnappliedConfChanges()) {
      this.logger.warningf(
        '%x cannot campaign at term %d since there are still pending configuration changes to apply',
        this.id,
        this.term,
      );
      return;
    }
    this.logger.infof('%x is starting a new election at term %d', this.id, this.term);
    this.campaign(t);
  }

  hasUnappliedConfChanges(): boolean {
    if (this.raftLog.applied >= this.raftLog.committed) return false; // only equality is possible here
    let found = false;
    // Scan the unapplied committed entries page by page, bounded like the
    // entries handed out for application.
    const lo = this.raftLog.applied + 1;
    const hi = this.raftLog.committed + 1;
    const pageSize = this.raftLog.maxApplyingEntsSize;
    const err = this.raftLog.scan(lo, hi, pageSize, (ents) => {
      for (const e of ents) {
        if (e.type === EntryType.EntryConfChange || e.type === EntryType.EntryConfChangeV2) {
          found = true;
          return errBreak;
        }
      }
      return null;
    });
    if (err !== null && err !== errBreak) {
      this.logger.panicf('error scanning unapplied entries [%d, %d): %v', lo, hi, err);
    }
    return found;
  }

  /** Becomes (pre-)candidate and requests votes; callers check promotable(). */
  campaign(t: CampaignType): void {
    if (!this.promotable()) {
      // Unreachable when callers check promotable() first; log, don't throw.
      this.logger.warningf('%x is unpromotable; campaign() should have been called', this.id);
    }
    let term: number;
    let voteMsg: MessageType;
    if (t === CampaignType.campaignPreElection) {
      this.becomePreCandidate();
      voteMsg = MessageType.MsgPreVote;
      // Ask for term+1 while our own term stays unchanged.
      term = this.term + 1;
    } else {
      this.becomeCandidate();
      voteMsg = MessageType.MsgVote;
      term = this.term;
    }
    const ids = [...this.trk.config.voters.ids()].sort((a, b) => a - b);
    for (const id of ids) {
      if (id === this.id) {
        // The self-vote counts once it is durable: a response to ourselves
        // via msgsAfterAppend.
        this.send(newMessage({ to: id, term, type: voteRespMsgType(voteMsg) }));
        continue;
      }
      const last = this.raftLog.lastEntryID();
      this.logger.infof(
        '%x [logterm: %d, index: %d] sent %s request to %x at term %d',
        this.id,
        last.term,
        last.index,
        messageTypeString(voteMsg),
        id,
        this.term,
      );
      const ctx = t === CampaignType.campaignTransfer ? bytesOf(t) : undefined;
      this.send(newMessage({ to: id, term, type: voteMsg, index: last.index, logTerm: last.term, context: ctx }));
    }
  }

  poll(id: number, t: MessageType, v: boolean): { granted: number; rejected: number; result: VoteResult } {
    if (v) {
      this.logger.infof('%x received %s from %x at term %d', this.id, messageTypeString(t), id, this.term);
    } else {
      this.logger.infof('%x received %s rejection from %x at term %d', this.id, messageTypeString(t), id, this.term);
    }
    this.trk.recordVote(id, v);
    return this.trk.tallyVotes();
  }

  /** Go's raft.Step: processes any message; null or an error such as ErrProposalDropped. */
  step(m: Message): Error | null {
    // First reconcile terms: a newer term may turn this node into a follower.
    if (m.term === 0) {
      // term 0: generated locally, no term check
    } else if (m.term > this.term) {
      if (m.type === MessageType.MsgVote || m.type === MessageType.MsgPreVote) {
        const force = bytesEqual(m.context, CAMPAIGN_TRANSFER_BYTES);
        const inLease = this.checkQuorum && this.lead !== None && this.electionElapsed < this.electionTimeout;
        if (!force && inLease) {
          // A leader was heard from recently (its lease holds): ignore the
          // request entirely, term included.
          const last = this.raftLog.lastEntryID();
          this.logger.infof(
            '%x [logterm: %d, index: %d, vote: %x] ignored %s from %x [logterm: %d, index: %d] at term %d: lease is not expired (remaining ticks: %d)',
            this.id,
            last.term,
            last.index,
            this.vote,
            messageTypeString(m.type),
            m.from,
            m.logTerm,
            m.index,
            this.term,
            this.electionTimeout - this.electionElapsed,
          );
          return null;
        }
      }
      if (m.type === MessageType.MsgPreVote) {
        // A pre-vote asks hypothetically: it must not move our term.
      } else if (m.type === MessageType.MsgPreVoteResp && !m.reject) {
        // A granted pre-vote carries the future term we asked for; the term
        // changes only once a quorum grants it.
      } else {
        this.logger.infof(
          '%x [term: %d] received a %s message with higher term from %x [term: %d]',
          this.id,
          this.term,
          messageTypeString(m.type),
          m.from,
          m.term,
        );
        if (m.type === MessageType.MsgApp || m.type === MessageType.MsgHeartbeat || m.type === MessageType.MsgSnap) {
          this.becomeFollower(m.term, m.from);
        } else {
          this.becomeFollower(m.term, None);
        }
      }
    } else if (m.term < this.term) {
      if ((this.checkQuorum || this.preVote) && (m.type === MessageType.MsgHeartbeat || m.type === MessageType.MsgApp)) {
        // A stale leader (or one we partitioned away from) learns of our
        // higher term from this response, instead of us disrupting the
        // cluster with a vote.
        this.send(newMessage({ to: m.from, type: MessageType.MsgAppResp }));
      } else if (m.type === MessageType.MsgPreVote) {
        // Answer, so that a cluster upgraded to pre-vote cannot deadlock on
        // candidates with higher terms but shorter logs.
        const last = this.raftLog.lastEntryID();
        this.logger.infof(
          '%x [logterm: %d, index: %d, vote: %x] rejected %s from %x [logterm: %d, index: %d] at term %d',
          this.id,
          last.term,
          last.index,
          this.vote,
          messageTypeString(m.type),
          m.from,
          m.logTerm,
          m.index,
          this.term,
        );
        this.send(newMessage({ to: m.from, term: this.term, type: MessageType.MsgPreVoteResp, reject: true }));
      } else if (m.type === MessageType.MsgStorageAppendResp) {
        if (m.index !== 0) {
          // A write from an older term may describe entries that have been
          // replaced since, so it cannot mark anything stable.
          this.logger.infof(
            '%x [term: %d] ignored entry appends from a %s message with lower term [term: %d]',
            this.id,
            this.term,
            messageTypeString(m.type),
            m.term,
          );
        }
        if (m.snapshot !== undefined) {
          // A snapshot holds committed state, valid in any term.
          this.appliedSnap(m.snapshot);
        }
      } else {
        // anything else from an older term is dropped
        this.logger.infof(
          '%x [term: %d] ignored a %s message with lower term from %x [term: %d]',
          this.id,
          this.term,
          messageTypeString(m.type),
          m.from,
          m.term,
        );
      }
      return null;
    }

    switch (m.type) {
      case MessageType.MsgHup:
        if (this.preVote) {
          this.hup(CampaignType.campaignPreElection);
        } else {
          this.hup(CampaignType.campaignElection);
        }
        break;

      case MessageType.MsgStorageAppendResp:
        if (m.index !== 0) this.raftLog.stableTo({ term: m.logTerm, index: m.index });
        if (m.snapshot !== undefined) this.appliedSnap(m.snapshot);
        break;

      case MessageType.MsgStorageApplyResp:
        if (m.entries.length > 0) {
          const index = m.entries[m.entries.length - 1]!.index;
          this.appliedTo(index, entsSize(m.entries));
          this.reduceUncommittedSize(payloadsSize(m.entries));
        }
        break;

      case MessageType.MsgVote:
      case MessageType.MsgPreVote: {
        // Grant when repeating our own vote, or when we have neither voted nor
        // seen a leader this term, or for a pre-vote for a later term...
        const canVote =
          this.vote === m.from ||
          (this.vote === None && this.lead === None) ||
          (m.type === MessageType.MsgPreVote && m.term > this.term);
        // ...and only if the candidate's log is at least as up to date as ours.
        const lastID = this.raftLog.lastEntryID();
        const candLastID: EntryID = { term: m.logTerm, index: m.index };
        if (canVote && this.raftLog.isUpToDate(candLastID)) {
          // Learners vote too: one may have been promoted without knowing it
          // yet, and its vote can be needed to elect a leader.
          this.logger.infof(
            '%x [logterm: %d, index: %d, vote: %x] cast %s for %x [logterm: %d, index: %d] at term %d',
            this.id,
            lastID.term,
            lastID.index,
            this.vote,
            messageTypeString(m.type),
            m.from,
            candLastID.term,
            candLastID.index,
            this.term,
          );
          // Reply with the message's term, not ours: for a pre-vote ours may
          // be behind and the candidate would ignore the stale response.
          this.send(newMessage({ to: m.from, term: m.term, type: voteRespMsgType(m.type) }));
          if (m.type === MessageType.MsgVote) {
            // A pre-vote grant leaves no trace in our state.
            this.electionElapsed = 0;
            this.vote = m.from;
          }
        } else {
          this.logger.infof(
            '%x [logterm: %d, index: %d, vote: %x] rejected %s from %x [logterm: %d, index: %d] at term %d',
            this.id,
            lastID.term,
            lastID.index,
            this.vote,
            messageTypeString(m.type),
            m.from,
            candLastID.term,
            candLastID.index,
            this.term,
          );
          this.send(newMessage({ to: m.from, term: this.term, type: voteRespMsgType(m.type), reject: true }));
        }
        break;
      }

      default: {
        const err = this.stepFunc(this, m);
        if (err !== null) return err;
      }
    }
    return null;
  }

  handleAppendEntries(m: Message): void {
    const a = logSliceFromMsgApp(m);
    if (a.prev.index < this.raftLog.committed) {
      this.send(newMessage({ to: m.from, type: MessageType.MsgAppResp, index: this.raftLog.committed }));
      return;
    }
    const mlastIndex = this.raftLog.maybeAppend(a, m.commit);
    if (mlastIndex !== undefined) {
      this.send(newMessage({ to: m.from, type: MessageType.MsgAppResp, index: mlastIndex }));
      return;
    }
    this.logger.debugf(
      '%x [logterm: %d, index: %d] rejected MsgApp [logterm: %d, index: %d] from %x',
      this.id,
      this.raftLog.zeroTermOnOutOfBounds(m.index),
      m.index,
      m.logTerm,
      m.index,
      m.from,
    );
    // Hint the leader at the largest (index, term) where our logs may match:
    // the last entry at or below m.index with a term <= m.logTerm. This skips
    // our uncommitted tail of higher terms in one round trip.
    const [hintIndex, hintTerm] = this.raftLog.findConflictByTerm(Math.min(m.index, this.raftLog.lastIndex()), m.logTerm);
    this.send(
      newMessage({
        to: m.from,
        type: MessageType.MsgAppResp,
        index: m.index,
        reject: true,
        rejectHint: hintIndex,
        logTerm: hintTerm,
      }),
    );
  }

  handleHeartbeat(m: Message): void {
    this.raftLog.commitTo(m.commit);
    this.send(newMessage({ to: m.from, type: MessageType.MsgHeartbeatResp, context: m.context }));
  }

  handleSnapshot(m: Message): void {
    // Treat a missing snapshot as an empty one.
    const s = m.snapshot ?? newSnapshot();
    const sindex = s.metadata.index;
    const sterm = s.metadata.term;
    if (this.restore(s)) {
      this.logger.infof('%x [commit: %d] restored snapshot [index: %d, term: %d]', this.id, this.raftLog.committed, sindex, sterm);
      this.send(newMessage({ to: m.from, type: MessageType.MsgAppResp, index: this.raftLog.lastIndex() }));
    } else {
      this.logger.infof('%x [commit: %d] ignored snapshot [index: %d, term: %d]', this.id, this.raftLog.committed, sindex, sterm);
      this.send(newMessage({ to: m.from, type: MessageType.MsgAppResp, index: this.raftLog.committed }));
    }
  }

  /**
   * Restores the log and configuration from a snapshot; false if the
   * snapshot was ignored (obsolete, or unusable).
   */
  restore(s: Snapshot): boolean {
    if (s.metadata.index <= this.raftLog.committed) return false;
    if (this.state !== StateType.StateFollower) {
      // Defense in depth: never expected to happen.
      this.logger.warningf('%x attempted to restore snapshot as leader; should never happen', this.id);
      this.becomeFollower(this.term + 1, None);
      return false;
    }

    // This node must still have a progress entry; a lot depends on it.
    // learnersNext is skipped: anyone in it also sits in votersOutgoing.
    const cs = s.metadata.confState;
    const found = cs.voters.includes(this.id) || cs.learners.includes(this.id) || cs.votersOutgoing.includes(this.id);
    if (!found) {
      this.logger.warningf('%x attempted to restore snapshot but it is not in the ConfState %v; should never happen', this.id, formatConfStateV(cs));
      return false;
    }

    const id: EntryID = { term: s.metadata.term, index: s.metadata.index };
    if (this.raftLog.matchTerm(id)) {
      const last = this.raftLog.lastEntryID();
      this.logger.infof(
        '%x [commit: %d, lastindex: %d, lastterm: %d] fast-forwarded commit to snapshot [index: %d, term: %d]',
        this.id,
        this.raftLog.committed,
        last.index,
        last.term,
        id.index,
        id.term,
      );
      this.raftLog.commitTo(s.metadata.index);
      return false;
    }

    this.raftLog.restore(s);

    // Start from an empty configuration and restore it from the snapshot's.
    this.trk = makeProgressTracker(this.trk.maxInflight, this.trk.maxInflightBytes);
    let cfg: TrackerConfig;
    let trk: ProgressMap;
    try {
      [cfg, trk] = restoreConfChange(new Changer(this.trk, this.raftLog.lastIndex()), cs);
    } catch (e) {
      panic(sprintf('unable to restore config %s: %s', formatConfStatePlusV(cs), errText(e)));
    }
    assertConfStatesEquivalent(this.logger, cs, this.switchToConfig(cfg, trk));

    const last = this.raftLog.lastEntryID();
    this.logger.infof(
      '%x [commit: %d, lastindex: %d, lastterm: %d] restored snapshot [index: %d, term: %d]',
      this.id,
      this.raftLog.committed,
      last.index,
      last.term,
      id.index,
      id.term,
    );
    return true;
  }

  /** Whether this node can become leader: a voter without a pending snapshot. */
  promotable(): boolean {
    const pr = this.trk.progress.get(this.id);
    return pr !== undefined && !pr.isLearner && !this.raftLog.hasNextOrInProgressSnapshot();
  }

  applyConfChange(cc: ConfChangeV2): ConfState {
    let cfg: TrackerConfig;
    let trk: ProgressMap;
    try {
      const changer = new Changer(this.trk, this.raftLog.lastIndex());
      if (leaveJoint(cc)) {
        [cfg, trk] = changer.leaveJoint();
      } else {
        const { autoLeave, ok } = enterJoint(cc);
        if (ok) {
          [cfg, trk] = changer.enterJoint(autoLeave, ...cc.changes);
        } else {
          [cfg, trk] = changer.simple(...cc.changes);
        }
      }
    } catch (e) {
      panic(errText(e));
    }
    return this.switchToConfig(cfg, trk);
  }

  /**
   * Installs a new configuration and reacts to it (stepping down when
   * removed, committing or probing as leader). Returns the ConfState.
   */
  switchToConfig(cfg: TrackerConfig, trk: ProgressMap): ConfState {
    this.trk.config = cfg;
    this.trk.progress = trk;

    this.logger.infof('%x switched to configuration %s', this.id, this.trk.config);
    const cs = this.trk.confState();
    const pr = this.trk.progress.get(this.id);

    // Whether this node is a learner follows the new config (false once removed).
    this.isLearner = pr !== undefined && pr.isLearner;

    if ((pr === undefined || this.isLearner) && this.state === StateType.StateLeader) {
      // This leader was removed or demoted.
      if (this.stepDownOnRemoval) this.becomeFollower(this.term, None);
      return cs;
    }

    // The rest only matters for a leader with other nodes.
    if (this.state !== StateType.StateLeader || cs.voters.length === 0) return cs;

    if (this.maybeCommit()) {
      // More entries may be committed under the new config.
      this.bcastAppend();
    } else {
      // Still probe newly added replicas rather than wait for a heartbeat.
      this.trk.visit((id) => {
        if (id === this.id) return;
        this.maybeSendAppend(id, false);
      });
    }
    // Abort the leadership transfer if the transferee was removed or demoted.
    if (!this.trk.config.voters.ids().has(this.leadTransferee) && this.leadTransferee !== 0) {
      this.abortLeaderTransfer();
    }
    return cs;
  }

  loadState(state: HardState): void {
    if (state.commit < this.raftLog.committed || state.commit > this.raftLog.lastIndex()) {
      this.logger.panicf(
        '%x state.commit %d is out of range [%d, %d]',
        this.id,
        state.commit,
        this.raftLog.committed,
        this.raftLog.lastIndex(),
      );
    }
    this.raftLog.committed = state.commit;
    this.term = state.term;
    this.vote = state.vote;
  }

  /** electionElapsed has reached the randomized timeout. */
  pastElectionTimeout(): boolean {
    return this.electionElapsed >= this.randomizedElectionTimeout;
  }

  resetRandomizedElectionTimeout(): void {
    this.randomizedElectionTimeout = this.electionTimeout + this.random(this.electionTimeout);
  }

  sendTimeoutNow(to: number): void {
    this.send(newMessage({ to, type: MessageType.MsgTimeoutNow }));
  }

  abortLeaderTransfer(): void {
    this.leadTransferee = None;
  }

  /** Whether the leader has committed an entry of its own term. */
  committedEntryInCurrentTerm(): boolean {
    // A leader's term is at least 1, so the 0 returned for an unknown index can't match.
    return this.raftLog.zeroTermOnOutOfBounds(this.raftLog.committed) === this.term;
  }

  /**
   * The response to a read request; for a local request the read state is
   * recorded instead and null returned.
   */
  responseToReadIndexReq(req: Message, readIndex: number): Message | null {
    if (req.from === None || req.from === this.id) {
      this.readStates.push({ index: readIndex, requestCtx: req.entries[0]!.data ?? new Uint8Array(0) });
      return null;
    }
    return newMessage({ type: MessageType.MsgReadIndexResp, to: req.from, index: readIndex, entries: req.entries });
  }

  /**
   * Adds the payload size of ents to the uncommitted tally unless that would
   * pass maxUncommittedSize (then: false, tally untouched). Zero-size batches
   * always fit, and so does any batch while the tally is zero.
   */
  increaseUncommittedSize(ents: readonly Entry[]): boolean {
    const s = payloadsSize(ents);
    if (this.uncommittedSize > 0 && s > 0 && this.uncommittedSize + s > this.maxUncommittedSize) return false;
    this.uncommittedSize += s;
    return true;
  }

  reduceUncommittedSize(s: number): void {
    // The estimate may be low but never high: saturate at 0.
    if (s > this.uncommittedSize) {
      this.uncommittedSize = 0;
    } else {
      this.uncommittedSize -= s;
    }
  }
}

const CAMPAIGN_TRANSFER_BYTES = bytesOf(CampaignType.campaignTransfer);

function bytesEqual(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  const la = a === undefined ? 0 : a.length;
  const lb = b === undefined ? 0 : b.length;
  if (la !== lb) return false;
  for (let i = 0; i < la; i++) if (a![i] !== b![i]) return false;
  return true;
}

export function newRaft(c: Config): Raft {
  return new Raft(c);
}

export function logSliceFromMsgApp(m: Message): LogSlice {
  return { term: m.term, prev: { term: m.logTerm, index: m.index }, entries: m.entries };
}

function unmarshalConfChangeEntry(e: Entry): ConfChangeI | undefined {
  const data = e.data ?? new Uint8Array(0);
  let cc: ConfChange | ConfChangeV2 | undefined;
  try {
    if (e.type === EntryType.EntryConfChange) {
      cc = unmarshalConfChange(data);
    } else if (e.type === EntryType.EntryConfChangeV2) {
      cc = unmarshalConfChangeV2(data);
    }
  } catch (err) {
    panic(errText(err));
  }
  return cc;
}

export function stepLeader(r: Raft, m: Message): Error | null {
  // Messages the leader handles without looking at the sender's progress.
  switch (m.type) {
    case MessageType.MsgBeat:
      r.bcastHeartbeat();
      return null;
    case MessageType.MsgCheckQuorum:
      if (!r.trk.quorumActive()) {
        r.logger.warningf('%x stepped down to follower since quorum is not active', r.id);
        r.becomeFollower(r.term, None);
      }
      // Start the next check-quorum period: everyone but us must show up again.
      r.trk.visit((id, pr) => {
        if (id !== r.id) pr.recentActive = false;
      });
      return null;
    case MessageType.MsgProp: {
      if (m.entries.length === 0) r.logger.panicf('%x stepped empty MsgProp', r.id);
      if (r.trk.progress.get(r.id) === undefined) {
        // We lead but are no longer part of the config: refuse new proposals.
        return ErrProposalDropped;
      }
      if (r.leadTransferee !== None) {
        r.logger.debugf('%x [term %d] transfer leadership to %x is in progress; dropping proposal', r.id, r.term, r.leadTransferee);
        return ErrProposalDropped;
      }

      for (let i = 0; i < m.entries.length; i++) {
        const e = m.entries[i]!;
        const cc = unmarshalConfChangeEntry(e);
        if (cc !== undefined) {
          const alreadyPending = r.pendingConfIndex > r.raftLog.applied;
          const alreadyJoint = r.trk.config.voters.outgoing.size > 0;
          const wantsLeaveJoint = asV2(cc).changes.length === 0;

          let failedCheck = '';
          if (alreadyPending) {
            failedCheck = sprintf('possible unapplied conf change at index %d (applied to %d)', r.pendingConfIndex, r.raftLog.applied);
          } else if (alreadyJoint && !wantsLeaveJoint) {
            failedCheck = 'must transition out of joint config first';
          } else if (!alreadyJoint && wantsLeaveJoint) {
            failedCheck = 'not in joint state; refusing empty conf change';
          }

          if (failedCheck !== '' && !r.disableConfChangeValidation) {
            r.logger.infof('%x ignoring conf change %v at config %s: %s', r.id, formatConfChangeV(cc), r.trk.config, failedCheck);
            m.entries[i] = newEntry({ type: EntryType.EntryNormal });
          } else {
            r.pendingConfIndex = r.raftLog.lastIndex() + i + 1;
          }
        }
      }

      if (!r.appendEntry(m.entries)) return ErrProposalDropped;
      r.bcastAppend();
      return null;
    }
    case MessageType.MsgReadIndex: {
      // A single voter (this leader) needs nobody's confirmation.
      if (r.trk.isSingleton()) {
        const resp = r.responseToReadIndexReq(m, r.raftLog.committed);
        if (resp !== null) r.send(resp);
        return null;
      }
      // Until an entry of this term is committed, the commit index may be
      // behind what an earlier leader committed: answer later.
      if (!r.committedEntryInCurrentTerm()) {
        r.pendingReadIndexMessages.push(m);
        return null;
      }
      sendMsgReadIndexResponse(r, m);
      return null;
    }
    case MessageType.MsgForgetLeader:
      return null; // we are the leader: nothing to forget
  }

  // The rest concern a peer's replication state, so that peer must be tracked.
  const pr = r.trk.progress.get(m.from);
  if (pr === undefined) {
    r.logger.debugf('%x no progress available for %x', r.id, m.from);
    return null;
  }
  switch (m.type) {
    case MessageType.MsgAppResp:
      // Also reached from RawNode.advance, where the leader acks its own appends.
      pr.recentActive = true;

      if (m.reject) {
        // The follower says where to resume (rejectHint) and its term at
        // that index (logTerm; 0 from old versions or an empty log). Instead
        // of stepping back one index per round trip, jump over every
        // index where our term exceeds the follower's hint term, since the
        // logs cannot match there (see findConflictByTerm).
        r.logger.debugf(
          '%x received MsgAppResp(rejected, hint: (index %d, term %d)) from %x for index %d',
          r.id,
          m.rejectHint,
          m.logTerm,
          m.from,
          m.index,
        );
        let nextProbeIdx = m.rejectHint;
        if (m.logTerm > 0) {
          [nextProbeIdx] = r.raftLog.findConflictByTerm(m.rejectHint, m.logTerm);
        }
        if (pr.maybeDecrTo(m.index, nextProbeIdx)) {
          r.logger.debugf('%x decreased progress of %x to [%s]', r.id, m.from, pr);
          if (pr.state === ProgressState.StateReplicate) pr.becomeProbe();
          r.sendAppend(m.from);
        }
      } else {
        // Update on a new match, or when a probing peer can go back to
        // replicating (heartbeat_rep_recovers_from_probing.txt). Not for
        // StateSnapshot: the pending snapshot prevents it anyway.
        if (pr.maybeUpdate(m.index) || (pr.match === m.index && pr.state === ProgressState.StateProbe)) {
          if (pr.state === ProgressState.StateProbe) {
            pr.becomeReplicate();
          } else if (pr.state === ProgressState.StateSnapshot && pr.match + 1 >= r.raftLog.firstIndex()) {
            // Whatever index the snapshot was applied at, the follower can
            // now be caught up from the log. Go through probe so that the
            // snapshot is taken into account, and reach replicate right away.
            r.logger.debugf('%x recovered from needing snapshot, resumed sending replication messages to %x [%s]', r.id, m.from, pr);
            pr.becomeProbe();
            pr.becomeReplicate();
          } else if (pr.state === ProgressState.StateReplicate) {
            pr.inflights.freeLE(m.index);
          }

          if (r.maybeCommit()) {
            // Committed in this term: pending reads can now be served.
            releasePendingReadIndexMessages(r);
            r.bcastAppend();
          } else if (r.id !== m.from && pr.canBumpCommit(r.raftLog.committed)) {
            // Tell the follower the commit index now rather than at the next heartbeat.
            r.sendAppend(m.from);
          }
          // Flow control may allow several messages now; send as many as
          // possible, without empty ones.
          if (r.id !== m.from) {
            while (r.maybeSendAppend(m.from, false)) {
              // keep sending
            }
          }
          // The transferee has caught up: tell it to campaign now.
          if (m.from === r.leadTransferee && pr.match === r.raftLog.lastIndex()) {
            r.logger.infof('%x sent MsgTimeoutNow to %x after received MsgAppResp', r.id, m.from);
            r.sendTimeoutNow(m.from);
          }
        }
      }
      break;
    case MessageType.MsgHeartbeatResp: {
      pr.recentActive = true;
      pr.msgAppFlowPaused = false;

      // Send an append even to a paused follower (to recover from dropped
      // appends) or a caught-up prober (to get it back to replicating).
      if (pr.match < r.raftLog.lastIndex() || pr.state === ProgressState.StateProbe) {
        r.sendAppend(m.from);
      }

      if (r.readOnly.option !== ReadOnlyOption.ReadOnlySafe || m.context === undefined || m.context.length === 0) {
        return null;
      }
      const acks = r.readOnly.recvAck(m.from, m.context) ?? new Map<number, boolean>();
      if (r.trk.config.voters.voteResult(acks) !== VoteResult.VoteWon) return null;

      const rss = r.readOnly.advance(m);
      for (const rs of rss) {
        const resp = r.responseToReadIndexReq(rs.req, rs.index);
        if (resp !== null) r.send(resp);
      }
      break;
    }
    case MessageType.MsgSnapStatus:
      if (pr.state !== ProgressState.StateSnapshot) return null;
      if (!m.reject) {
        pr.becomeProbe();
        r.logger.debugf('%x snapshot succeeded, resumed sending replication messages to %x [%s]', r.id, m.from, pr);
      } else {
        // Clear the pending snapshot first, or probing would start from the
        // snapshot index that never got applied.
        pr.pendingSnapshot = 0;
        pr.becomeProbe();
        r.logger.debugf('%x snapshot failed, resumed sending replication messages to %x [%s]', r.id, m.from, pr);
      }
      // Wait for the follower's MsgAppResp (success) or a heartbeat
      // interval (failure) before the next MsgApp.
      pr.msgAppFlowPaused = true;
      break;
    case MessageType.MsgUnreachable:
      // An optimistic MsgApp was probably lost.
      if (pr.state === ProgressState.StateReplicate) pr.becomeProbe();
      r.logger.debugf('%x failed to send message to %x because it is unreachable [%s]', r.id, m.from, pr);
      break;
    case MessageType.MsgTransferLeader: {
      if (pr.isLearner) {
        r.logger.debugf('%x is learner. Ignored transferring leadership', r.id);
        return null;
      }
      const leadTransferee = m.from;
      const lastLeadTransferee = r.leadTransferee;
      if (lastLeadTransferee !== None) {
        if (lastLeadTransferee === leadTransferee) {
          r.logger.infof(
            '%x [term %d] transfer leadership to %x is in progress, ignores request to same node %x',
            r.id,
            r.term,
            leadTransferee,
            leadTransferee,
          );
          return null;
        }
        r.abortLeaderTransfer();
        r.logger.infof('%x [term %d] abort previous transferring leadership to %x', r.id, r.term, lastLeadTransferee);
      }
      if (leadTransferee === r.id) {
        r.logger.debugf('%x is already leader. Ignored transferring leadership to self', r.id);
        return null;
      }
      // A new transfer to another node.
      r.logger.infof('%x [term %d] starts to transfer leadership to %x', r.id, r.term, leadTransferee);
      // The transfer must finish within an election timeout.
      r.electionElapsed = 0;
      r.leadTransferee = leadTransferee;
      if (pr.match === r.raftLog.lastIndex()) {
        r.sendTimeoutNow(leadTransferee);
        r.logger.infof('%x sends MsgTimeoutNow to %x immediately as %x already has up-to-date log', r.id, leadTransferee, leadTransferee);
      } else {
        r.sendAppend(leadTransferee);
      }
      break;
    }
  }
  return null;
}

/** Step handler for both candidate states; they count different vote-response types. */
export function stepCandidate(r: Raft, m: Message): Error | null {
  // In StateCandidate, stale MsgPreVoteResp from the pre-candidacy are ignored.
  const myVoteRespType = r.state === StateType.StatePreCandidate ? MessageType.MsgPreVoteResp : MessageType.MsgVoteResp;
  switch (m.type) {
    case MessageType.MsgProp:
      r.logger.infof('%x no leader at term %d; dropping proposal', r.id, r.term);
      return ErrProposalDropped;
    case MessageType.MsgApp:
      r.becomeFollower(m.term, m.from); // step() has already equalised the terms
      r.handleAppendEntries(m);
      break;
    case MessageType.MsgHeartbeat:
      r.becomeFollower(m.term, m.from); // step() has already equalised the terms
      r.handleHeartbeat(m);
      break;
    case MessageType.MsgSnap:
      r.becomeFollower(m.term, m.from); // step() has already equalised the terms
      r.handleSnapshot(m);
      break;
    case myVoteRespType: {
      const { granted: gr, rejected: rj, result: res } = r.poll(m.from, m.type, !m.reject);
      r.logger.infof('%x has received %d %s votes and %d vote rejections', r.id, gr, messageTypeString(m.type), rj);
      if (res === VoteResult.VoteWon) {
        if (r.state === StateType.StatePreCandidate) {
          r.campaign(CampaignType.campaignElection);
        } else {
          r.becomeLeader();
          r.bcastAppend();
        }
      } else if (res === VoteResult.VoteLost) {
        // A MsgPreVoteResp carries the pre-candidate's future term: use r.term.
        r.becomeFollower(r.term, None);
      }
      break;
    }
    case MessageType.MsgTimeoutNow:
      r.logger.debugf('%x [term %d state %v] ignored MsgTimeoutNow from %x', r.id, r.term, stateTypeString(r.state), m.from);
      break;
  }
  return null;
}

export function stepFollower(r: Raft, m: Message): Error | null {
  switch (m.type) {
    case MessageType.MsgProp:
      if (r.lead === None) {
        r.logger.infof('%x no leader at term %d; dropping proposal', r.id, r.term);
        return ErrProposalDropped;
      } else if (r.disableProposalForwarding) {
        r.logger.infof('%x not forwarding to leader %x at term %d; dropping proposal', r.id, r.lead, r.term);
        return ErrProposalDropped;
      }
      r.send({ ...m, to: r.lead });
      break;
    case MessageType.MsgApp:
      r.electionElapsed = 0;
      r.lead = m.from;
      r.handleAppendEntries(m);
      break;
    case MessageType.MsgHeartbeat:
      r.electionElapsed = 0;
      r.lead = m.from;
      r.handleHeartbeat(m);
      break;
    case MessageType.MsgSnap:
      r.electionElapsed = 0;
      r.lead = m.from;
      r.handleSnapshot(m);
      break;
    case MessageType.MsgTransferLeader:
      if (r.lead === None) {
        r.logger.infof('%x no leader at term %d; dropping leader transfer msg', r.id, r.term);
        return null;
      }
      r.send({ ...m, to: r.lead });
      break;
    case MessageType.MsgForgetLeader:
      if (r.readOnly.option === ReadOnlyOption.ReadOnlyLeaseBased) {
        r.logger.error('ignoring MsgForgetLeader due to ReadOnlyLeaseBased');
        return null;
      }
      if (r.lead !== None) {
        r.logger.infof('%x forgetting leader %x at term %d', r.id, r.lead, r.term);
        r.lead = None;
      }
      break;
    case MessageType.MsgTimeoutNow:
      r.logger.infof('%x [term %d] received MsgTimeoutNow from %x and starts an election to get leadership.', r.id, r.term, m.from);
      // A transfer skips pre-vote even when enabled: the old leader asked
      // for this election, so there is no partition to guard against.
      r.hup(CampaignType.campaignTransfer);
      break;
    case MessageType.MsgReadIndex:
      if (r.lead === None) {
        r.logger.infof('%x no leader at term %d; dropping index reading msg', r.id, r.term);
        return null;
      }
      r.send({ ...m, to: r.lead });
      break;
    case MessageType.MsgReadIndexResp:
      if (m.entries.length !== 1) {
        r.logger.errorf('%x invalid format of MsgReadIndexResp from %x, entries count: %d', r.id, m.from, m.entries.length);
        return null;
      }
      r.readStates.push({ index: m.index, requestCtx: m.entries[0]!.data ?? new Uint8Array(0) });
      break;
  }
  return null;
}

export function releasePendingReadIndexMessages(r: Raft): void {
  if (r.pendingReadIndexMessages.length === 0) {
    // Fast path: avoids the storage access of committedEntryInCurrentTerm.
    return;
  }
  if (!r.committedEntryInCurrentTerm()) {
    r.logger.error('pending MsgReadIndex should be released only after first commit in current term');
    return;
  }
  const msgs = r.pendingReadIndexMessages;
  r.pendingReadIndexMessages = [];
  for (const m of msgs) sendMsgReadIndexResponse(r, m);
}

export function sendMsgReadIndexResponse(r: Raft, m: Message): void {
  switch (r.readOnly.option) {
    // Safe reads confirm leadership with a heartbeat round to a quorum.
    case ReadOnlyOption.ReadOnlySafe:
      r.readOnly.addRequest(r.raftLog.committed, m);
      // The leader counts as its own first acknowledgement.
      r.readOnly.recvAck(r.id, m.entries[0]!.data);
      r.bcastHeartbeatWithCtx(m.entries[0]!.data);
      break;
    case ReadOnlyOption.ReadOnlyLeaseBased: {
      const resp = r.responseToReadIndexReq(m, r.raftLog.committed);
      if (resp !== null) r.send(resp);
      break;
    }
  }
}

/** Sets the randomized election timeout of a raft (test hook). */
export function setRandomizedElectionTimeoutOfRaft(r: Raft, v: number): void {
  r.randomizedElectionTimeout = v;
}
