// RawNode: the thread-unsafe, synchronous interface to a raft node
// (port of rawnode.go plus the Ready helpers of node.go).
import { MessageType, newHardState, newMessage, newSnapshot, type ConfChangeV2, type ConfState, type Entry, type HardState, type Message } from '../raftpb/types.js';
import { asV2, type ConfChangeI } from '../raftpb/confchange.js';
import type { Progress } from '../tracker/index.js';
import { bootstrap, type Peer } from './bootstrap.js';
import { confChangeToMsg, Raft, type Config } from './raft.js';
import type { Ready, SoftState } from './ready.js';
import { copyProgress, getBasicStatus, getStatus, type BasicStatus, type Status } from './status.js';
import {
  entsSize,
  isEmptyHardState,
  isEmptySnap,
  isHardStateEqual,
  isLocalMsg,
  isLocalMsgTarget,
  isResponseMsg,
  LocalAppendThread,
  LocalApplyThread,
} from './util.js';

export const ErrStepLocalMsg = new Error('raft: cannot step raft local message');
export const ErrStepPeerNotFound = new Error('raft: cannot step as peer not found');

export const SnapshotStatus = {
  SnapshotFinish: 1,
  SnapshotFailure: 2,
} as const;
export type SnapshotStatus = (typeof SnapshotStatus)[keyof typeof SnapshotStatus];

export const ProgressType = {
  ProgressTypePeer: 0,
  ProgressTypeLearner: 1,
} as const;
export type ProgressType = (typeof ProgressType)[keyof typeof ProgressType];

function softStateEqual(a: SoftState, b: SoftState): boolean {
  return a.lead === b.lead && a.raftState === b.raftState;
}

/** Whether the HardState/entries of a Ready must be synced to disk before sending messages. */
export function mustSync(st: HardState, prevst: HardState, entsnum: number): boolean {
  // Term, vote and new entries must be durable before we reply to peers.
  return entsnum !== 0 || st.vote !== prevst.vote || st.term !== prevst.term;
}

export class RawNode {
  raft: Raft;
  asyncStorageWrites: boolean;
  prevSoftSt: SoftState;
  prevHardSt: HardState;
  /** Local messages stepped on the next advance() (synchronous storage mode). */
  stepsOnAdvance: Message[] = [];

  /** Throws (RaftPanic) if the config is invalid, like Go's newRaft panics. */
  constructor(config: Config) {
    const r = new Raft(config);
    this.raft = r;
    this.asyncStorageWrites = config.asyncStorageWrites ?? false;
    this.prevSoftSt = r.softState();
    this.prevHardSt = r.hardState();
  }

  /** Moves raft's logical clock forward one step (drives elections and heartbeats). */
  tick(): void {
    this.raft.tick();
  }

  /**
   * Advances the election clock without the side effects of a tick: for
   * quiesced groups that must still notice an election timeout.
   */
  tickQuiesced(): void {
    this.raft.electionElapsed++;
  }

  campaign(): Error | null {
    return this.raft.step(newMessage({ type: MessageType.MsgHup }));
  }

  propose(data: Uint8Array | undefined): Error | null {
    return this.raft.step(newMessage({ type: MessageType.MsgProp, from: this.raft.id, entries: [{ term: 0, index: 0, type: 0, data }] }));
  }

  proposeConfChange(cc: ConfChangeI): Error | null {
    let m: Message;
    try {
      m = confChangeToMsg(cc);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
    return this.raft.step(m);
  }

  /** Enacts a committed conf change on this node and returns the resulting ConfState. */
  applyConfChange(cc: ConfChangeI): ConfState {
    return this.raft.applyConfChange(asV2(cc) as ConfChangeV2);
  }

  /** Steps a message from the network (local message types are refused). */
  step(m: Message): Error | null {
    // Local message types may only come from this node's own threads.
    if (isLocalMsg(m.type) && !isLocalMsgTarget(m.from)) return ErrStepLocalMsg;
    if (isResponseMsg(m.type) && !isLocalMsgTarget(m.from) && this.raft.trk.progress.get(m.from) === undefined) {
      return ErrStepPeerNotFound;
    }
    return this.raft.step(m);
  }

  /** Everything pending for the application; the Ready counts as accepted once returned. */
  ready(): Ready {
    const rd = this.readyWithoutAccept();
    this.acceptReady(rd);
    return rd;
  }

  /** The Ready, without accepting it (no state change). */
  readyWithoutAccept(): Ready {
    const r = this.raft;
    const rd: Ready = {
      softState: undefined,
      hardState: newHardState(),
      readStates: [],
      entries: r.raftLog.nextUnstableEnts(),
      snapshot: newSnapshot(),
      committedEntries: r.raftLog.nextCommittedEnts(this.applyUnstableEntries()),
      messages: r.msgs.slice(),
      mustSync: false,
    };
    const softSt = r.softState();
    if (!softStateEqual(softSt, this.prevSoftSt)) rd.softState = softSt;
    const hardSt = r.hardState();
    if (!isHardStateEqual(hardSt, this.prevHardSt)) rd.hardState = hardSt;
    const snap = r.raftLog.nextUnstableSnapshot();
    if (snap !== undefined) rd.snapshot = snap;
    if (r.readStates.length !== 0) rd.readStates = r.readStates;
    rd.mustSync = mustSync(r.hardState(), this.prevHardSt, rd.entries.length);

    if (this.asyncStorageWrites) {
      // Writes go to the local append thread, which sends the responses
      // when they are durable; applying goes to the local apply thread.
      if (needStorageAppendMsg(r, rd)) rd.messages.push(newStorageAppendMsg(r, rd));
      if (needStorageApplyMsg(rd)) rd.messages.push(newStorageApplyMsg(r, rd));
    } else {
      // Messages to self are stepped on advance() instead.
      for (const m of r.msgsAfterAppend) {
        if (m.to !== r.id) rd.messages.push(m);
      }
    }
    return rd;
  }

  /**
   * Marks the Ready as handed out: its state is in progress, and (without
   * async writes) the local responses are queued for advance().
   */
  acceptReady(rd: Ready): void {
    if (rd.softState !== undefined) this.prevSoftSt = rd.softState;
    if (!isEmptyHardState(rd.hardState)) this.prevHardSt = rd.hardState;
    if (rd.readStates.length !== 0) this.raft.readStates = [];
    if (!this.asyncStorageWrites) {
      if (this.stepsOnAdvance.length !== 0) {
        this.raft.logger.panicf('two accepted Ready structs without call to Advance');
      }
      for (const m of this.raft.msgsAfterAppend) {
        if (m.to === this.raft.id) this.stepsOnAdvance.push(m);
      }
      if (needStorageAppendRespMsg(this.raft, rd)) this.stepsOnAdvance.push(newStorageAppendRespMsg(this.raft, rd));
      if (needStorageApplyRespMsg(rd)) this.stepsOnAdvance.push(newStorageApplyRespMsg(this.raft, rd.committedEntries));
    }
    this.raft.msgs = [];
    this.raft.msgsAfterAppend = [];
    this.raft.raftLog.acceptUnstable();
    if (rd.committedEntries.length > 0) {
      const ents = rd.committedEntries;
      const index = ents[ents.length - 1]!.index;
      this.raft.raftLog.acceptApplying(index, entsSize(ents), this.applyUnstableEntries());
    }
  }

  /**
   * Whether committed entries may be applied before they are durable
   * locally: yes with synchronous storage, since the Ready's entries are
   * written before its committed entries are applied.
   */
  applyUnstableEntries(): boolean {
    return !this.asyncStorageWrites;
  }

  hasReady(): boolean {
    const r = this.raft;
    if (!softStateEqual(r.softState(), this.prevSoftSt)) return true;
    const hardSt = r.hardState();
    if (!isEmptyHardState(hardSt) && !isHardStateEqual(hardSt, this.prevHardSt)) return true;
    if (r.raftLog.hasNextUnstableSnapshot()) return true;
    if (r.msgs.length > 0 || r.msgsAfterAppend.length > 0) return true;
    if (r.raftLog.hasNextUnstableEnts() || r.raftLog.hasNextCommittedEnts(this.applyUnstableEntries())) return true;
    if (r.readStates.length !== 0) return true;
    return false;
  }

  /** Notifies that the last Ready has been fully handled (not with async writes). */
  advance(_rd?: Ready): void {
    // The Ready argument is unused, as in Go.
    if (this.asyncStorageWrites) {
      this.raft.logger.panicf('Advance must not be called when using AsyncStorageWrites');
    }
    const steps = this.stepsOnAdvance;
    for (let i = 0; i < steps.length; i++) {
      this.raft.step(steps[i]!);
    }
    this.stepsOnAdvance = [];
  }

  status(): Status {
    return getStatus(this.raft);
  }

  basicStatus(): BasicStatus {
    return getBasicStatus(this.raft);
  }

  /** Visits each progress (copied, without Inflights) with its type. */
  withProgress(visitor: (id: number, typ: ProgressType, pr: Progress) => void): void {
    this.raft.trk.visit((id, pr) => {
      const typ = pr.isLearner ? ProgressType.ProgressTypeLearner : ProgressType.ProgressTypePeer;
      visitor(id, typ, copyProgress(pr, false));
    });
  }

  reportUnreachable(id: number): void {
    this.raft.step(newMessage({ type: MessageType.MsgUnreachable, from: id }));
  }

  reportSnapshot(id: number, status: SnapshotStatus): void {
    const rej = status === SnapshotStatus.SnapshotFailure;
    this.raft.step(newMessage({ type: MessageType.MsgSnapStatus, from: id, reject: rej }));
  }

  transferLeader(transferee: number): void {
    this.raft.step(newMessage({ type: MessageType.MsgTransferLeader, from: transferee }));
  }

  forgetLeader(): Error | null {
    return this.raft.step(newMessage({ type: MessageType.MsgForgetLeader }));
  }

  /** Starts a linearizable read; the answer shows up in a later Ready's readStates, tagged with rctx. */
  readIndex(rctx: Uint8Array | undefined): void {
    this.raft.step(newMessage({ type: MessageType.MsgReadIndex, entries: [{ term: 0, index: 0, type: 0, data: rctx }] }));
  }

  bootstrap(peers: Peer[]): Error | null {
    return bootstrap(this, peers);
  }
}

/** Go's NewRawNode; throws if the config is invalid. */
export function newRawNode(config: Config): RawNode {
  return new RawNode(config);
}

/** Sets the randomized election timeout (test hook, Go's SetRandomizedElectionTimeout). */
export function setRandomizedElectionTimeout(rn: RawNode, v: number): void {
  rn.raft.randomizedElectionTimeout = v;
}

function needStorageAppendMsg(r: Raft, rd: Ready): boolean {
  // Also needed to deliver msgsAfterAppend when there is nothing to write,
  // so that they are ordered after in-progress writes.
  return rd.entries.length > 0 || !isEmptyHardState(rd.hardState) || !isEmptySnap(rd.snapshot) || r.msgsAfterAppend.length > 0;
}

function needStorageAppendRespMsg(r: Raft, rd: Ready): boolean {
  // Respond if entries are (or were) being written, even if none in this
  // Ready: earlier in-progress entries become stable with this one.
  return r.raftLog.hasNextOrInProgressUnstableEnts() || !isEmptySnap(rd.snapshot);
}

function newStorageAppendMsg(r: Raft, rd: Ready): Message {
  const m = newMessage({
    type: MessageType.MsgStorageAppend,
    to: LocalAppendThread,
    from: r.id,
    entries: rd.entries,
  });
  if (!isEmptyHardState(rd.hardState)) {
    m.term = rd.hardState.term;
    m.vote = rd.hardState.vote;
    m.commit = rd.hardState.commit;
  }
  if (!isEmptySnap(rd.snapshot)) m.snapshot = rd.snapshot;
  // Attach the durable-state-dependent messages, then our own ack.
  m.responses = r.msgsAfterAppend.slice();
  if (needStorageAppendRespMsg(r, rd)) m.responses.push(newStorageAppendRespMsg(r, rd));
  return m;
}

function newStorageAppendRespMsg(r: Raft, rd: Ready): Message {
  // The term lets the receiver ignore the ack if the log was overwritten in
  // a later term meanwhile (the entries might not be the ones written).
  const m = newMessage({
    type: MessageType.MsgStorageAppendResp,
    to: r.id,
    from: LocalAppendThread,
    term: r.term,
  });
  if (r.raftLog.hasNextOrInProgressUnstableEnts()) {
    const last = r.raftLog.lastEntryID();
    m.index = last.index;
    m.logTerm = last.term;
  }
  if (!isEmptySnap(rd.snapshot)) m.snapshot = rd.snapshot;
  return m;
}

function needStorageApplyMsg(rd: Ready): boolean {
  return rd.committedEntries.length > 0;
}

function needStorageApplyRespMsg(rd: Ready): boolean {
  return needStorageApplyMsg(rd);
}

function newStorageApplyMsg(r: Raft, rd: Ready): Message {
  const ents = rd.committedEntries;
  return newMessage({
    type: MessageType.MsgStorageApply,
    to: LocalApplyThread,
    from: r.id,
    term: 0, // local message; applying is not tied to a term
    entries: ents,
    responses: [newStorageApplyRespMsg(r, ents)],
  });
}

function newStorageApplyRespMsg(r: Raft, ents: Entry[]): Message {
  return newMessage({
    type: MessageType.MsgStorageApplyResp,
    to: r.id,
    from: LocalApplyThread,
    term: 0, // local message; applying is not tied to a term
    entries: ents,
  });
}
