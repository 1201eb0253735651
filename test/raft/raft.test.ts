// A port of a subset of raft_test.go: elections, pre-vote, replication,
// commit rules, check-quorum, read index, leader transfer, flow control.
import { describe, expect, it } from 'vitest';
import { ConfChangeType, MessageType, newConfChange, newEntry, newMessage, type Entry, type Message } from '../../src/raftpb/types.js';
import { asV2 } from '../../src/raftpb/confchange.js';
import { ErrProposalDropped, Raft, ReadOnlyOption, stepCandidate, stepFollower, stepLeader } from '../../src/raft/raft.js';
import { StateType } from '../../src/raft/ready.js';
import { newLog, type RaftLog } from '../../src/raft/log.js';
import { payloadSize, payloadsSize, voteRespMsgType, None } from '../../src/raft/util.js';
import { ProgressState } from '../../src/tracker/index.js';
import { bytes, index, storageWithEnts, quietLogger } from './helpers.js';
import {
  advanceMessagesAfterAppend,
  entsWithConfig,
  mustAppendEntry,
  newNetwork,
  newNetworkWithConfig,
  newTestConfig,
  newTestMemoryStorage,
  newTestRaft,
  nextEnts,
  nopStepper,
  preVoteConfig,
  readMessages,
  setRandomizedElectionTimeout,
  stepOrSend,
  takeMessagesAfterAppend,
  votedWithConfig,
  type Network,
  type Peer,
} from './network.js';

const { MsgHup, MsgBeat, MsgProp, MsgApp, MsgAppResp, MsgVote, MsgPreVote, MsgHeartbeat, MsgHeartbeatResp, MsgTransferLeader, MsgReadIndex, MsgUnreachable, MsgTimeoutNow, MsgVoteResp } =
  MessageType;
const { StateFollower, StateCandidate, StateLeader, StatePreCandidate } = StateType;
const m = newMessage;
const prop = (from: number, to: number, data?: Uint8Array): Message => m({ from, to, type: MsgProp, entries: [newEntry({ data })] });
const hup = (id: number): Message => m({ from: id, to: id, type: MsgHup });

/** Go's ltoa without the text: what the log holds. */
function ltoa(l: RaftLog): { lastIndex: number; applied: number; entries: { term: number; index: number; data: string }[] } {
  return {
    lastIndex: l.lastIndex(),
    applied: l.applied,
    entries: l.allEntries().map((e) => ({ term: e.term, index: e.index, data: new TextDecoder().decode(e.data ?? new Uint8Array()) })),
  };
}

function checkLeaderTransferState(r: Raft, state: StateType, lead: number): void {
  expect(r.state).toBe(state);
  expect(r.lead).toBe(lead);
  expect(r.leadTransferee).toBe(None);
}

function expectOneMessage(r: Raft): Message {
  const msgs = readMessages(r);
  expect(msgs.length).toBe(1);
  return msgs[0]!;
}

describe('raft: progress and flow control', () => {
  it('progress leader', () => {
    const s = newTestMemoryStorage({ peers: [1, 2] });
    const r = newTestRaft(1, 5, 1, s);
    r.becomeCandidate();
    r.becomeLeader();
    r.trk.progress.get(2)!.becomeReplicate();
    for (let i = 0; i < 5; i++) expect(r.step(prop(1, 1, bytes('foo')))).toBeNull();
    expect(r.trk.progress.get(1)!.match).toBe(0);
    const ents = r.raftLog.nextUnstableEnts();
    expect(ents.length).toBe(6);
    expect(ents[0]!.data?.length ?? 0).toBe(0);
    expect(new TextDecoder().decode(ents[5]!.data)).toBe('foo');
    advanceMessagesAfterAppend(r);
    expect(r.trk.progress.get(1)!.match).toBe(6);
    expect(r.trk.progress.get(1)!.next).toBe(7);
  });

  it('progress resume by heartbeat resp', () => {
    const r = newTestRaft(1, 5, 1, newTestMemoryStorage({ peers: [1, 2] }));
    r.becomeCandidate();
    r.becomeLeader();
    r.trk.progress.get(2)!.msgAppFlowPaused = true;
    r.step(m({ from: 1, to: 1, type: MsgBeat }));
    expect(r.trk.progress.get(2)!.msgAppFlowPaused).toBe(true);
    r.trk.progress.get(2)!.becomeReplicate();
    expect(r.trk.progress.get(2)!.msgAppFlowPaused).toBe(false);
    r.trk.progress.get(2)!.msgAppFlowPaused = true;
    r.step(m({ from: 2, to: 1, type: MsgHeartbeatResp }));
    expect(r.trk.progress.get(2)!.msgAppFlowPaused).toBe(false);
  });

  it('progress paused', () => {
    const r = newTestRaft(1, 5, 1, newTestMemoryStorage({ peers: [1, 2] }));
    r.becomeCandidate();
    r.becomeLeader();
    for (let i = 0; i < 3; i++) r.step(prop(1, 1, bytes('somedata')));
    expect(readMessages(r).length).toBe(1);
  });

  it('progress flow control', () => {
    const cfg = newTestConfig(1, 5, 1, newTestMemoryStorage({ peers: [1, 2] }));
    cfg.maxInflightMsgs = 3;
    cfg.maxSizePerMsg = 2048;
    cfg.maxInflightBytes = 9000;
    const r = new Raft(cfg);
    r.becomeCandidate();
    r.becomeLeader();
    readMessages(r);
    r.trk.progress.get(2)!.becomeProbe();
    const blob = bytes('a'.repeat(1000));
    const large = bytes('b'.repeat(5000));
    for (let i = 0; i < 22; i++) r.step(prop(1, 1, i >= 10 && i < 16 ? large : blob));

    const ms = readMessages(r);
    expect(ms.length).toBe(1);
    expect(ms[0]!.type).toBe(MsgApp);
    expect(ms[0]!.entries.length).toBe(2);
    expect(ms[0]!.entries[0]!.data?.length ?? 0).toBe(0);
    expect(ms[0]!.entries[1]!.data!.length).toBe(1000);

    const ackAndVerify = (idx: number, ...expEntries: number[]): number => {
      r.step(m({ from: 2, to: 1, type: MsgAppResp, index: idx }));
      const ms = readMessages(r);
      expect(ms.length).toBe(expEntries.length);
      ms.forEach((x, i) => {
        expect(x.type).toBe(MsgApp);
        expect(x.entries.length).toBe(expEntries[i]);
      });
      const last = ms[ms.length - 1]!.entries;
      return last.length === 0 ? idx : last[last.length - 1]!.index;
    };
    let idx = ackAndVerify(ms[0]!.entries[1]!.index, 2, 2, 2);
    idx = ackAndVerify(idx, 2, 1, 1);
    idx = ackAndVerify(idx, 1, 1);
    idx = ackAndVerify(idx, 1, 1);
    idx = ackAndVerify(idx, 1, 2, 2);
    ackAndVerify(idx, 2);
  });

  it('uncommitted entry limit', () => {
    const maxEntries = 1024;
    const testEntry = () => newEntry({ data: bytes('testdata') });
    const maxEntrySize = maxEntries * payloadSize(testEntry());
    expect(payloadSize(newEntry())).toBe(0);

    const cfg = newTestConfig(1, 5, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
    cfg.maxUncommittedEntriesSize = maxEntrySize;
    cfg.maxInflightMsgs = 2 * 1024;
    const r = new Raft(cfg);
    r.becomeCandidate();
    r.becomeLeader();
    expect(r.uncommittedSize).toBe(0);

    const numFollowers = 2;
    r.trk.progress.get(2)!.becomeReplicate();
    r.trk.progress.get(3)!.becomeReplicate();
    r.uncommittedSize = 0;

    const propMsg = () => m({ from: 1, to: 1, type: MsgProp, entries: [testEntry()] });
    let propEnts: Entry[] = [];
    for (let i = 0; i < maxEntries; i++) {
      expect(r.step(propMsg())).toBeNull();
      propEnts.push(testEntry());
    }
    expect(r.step(propMsg())).toBe(ErrProposalDropped);

    let ms = readMessages(r);
    expect(ms.length).toBe(maxEntries * numFollowers);
    r.reduceUncommittedSize(payloadsSize(propEnts));
    expect(r.uncommittedSize).toBe(0);

    propEnts = Array.from({ length: 2 * maxEntries }, testEntry);
    expect(r.step(m({ from: 1, to: 1, type: MsgProp, entries: propEnts }))).toBeNull();
    expect(r.step(propMsg())).toBe(ErrProposalDropped);
    expect(r.step(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }))).toBeNull();

    ms = readMessages(r);
    expect(ms.length).toBe(2 * numFollowers);
    r.reduceUncommittedSize(payloadsSize(propEnts));
    expect(r.uncommittedSize).toBe(0);
  });
});

describe('raft: elections', () => {
  for (const preVote of [false, true]) {
    it(`leader election (preVote=${preVote})`, () => {
      const cfg = preVote ? preVoteConfig : undefined;
      const candState = preVote ? StatePreCandidate : StateCandidate;
      const candTerm = preVote ? 0 : 1;
      const tests: [Network, StateType, number][] = [
        [newNetworkWithConfig(cfg, null, null, null), StateLeader, 1],
        [newNetworkWithConfig(cfg, null, null, nopStepper), StateLeader, 1],
        [newNetworkWithConfig(cfg, null, nopStepper, nopStepper), candState, candTerm],
        [newNetworkWithConfig(cfg, null, nopStepper, nopStepper, null), candState, candTerm],
        [newNetworkWithConfig(cfg, null, nopStepper, nopStepper, null, null), StateLeader, 1],
        // Peers 2-4 have longer logs in term 1, so they answer with explicit
        // rejections (same term) rather than dropping the request.
        [
          newNetworkWithConfig(cfg, null, entsWithConfig(cfg, 1), entsWithConfig(cfg, 1), entsWithConfig(cfg, 1, 1), null),
          StateFollower,
          1,
        ],
      ];
      for (const [nt, state, expTerm] of tests) {
        nt.send(hup(1));
        const sm = nt.raft(1);
        expect(sm.state).toBe(state);
        expect(sm.term).toBe(expTerm);
      }
    });

    it(`leader cycle (preVote=${preVote})`, () => {
      const n = newNetworkWithConfig(preVote ? preVoteConfig : undefined, null, null, null);
      for (let campaignerID = 1; campaignerID <= 3; campaignerID++) {
        n.send(hup(campaignerID));
        for (const id of [1, 2, 3]) {
          expect(n.raft(id).state).toBe(id === campaignerID ? StateLeader : StateFollower);
        }
      }
    });

    it(`leader election overwrites newer logs (preVote=${preVote})`, () => {
      const cfg = preVote ? preVoteConfig : undefined;
      const n = newNetworkWithConfig(
        cfg,
        entsWithConfig(cfg, 1),
        entsWithConfig(cfg, 1),
        entsWithConfig(cfg, 2),
        votedWithConfig(cfg, 3, 2),
        votedWithConfig(cfg, 3, 2),
      );
      n.send(hup(1));
      const sm1 = n.raft(1);
      expect(sm1.state).toBe(StateFollower);
      expect(sm1.term).toBe(2);
      n.send(hup(1));
      expect(sm1.state).toBe(StateLeader);
      expect(sm1.term).toBe(3);
      for (const id of [1, 2, 3, 4, 5]) {
        const entries = n.raft(id).raftLog.allEntries();
        expect(entries.length).toBe(2);
        expect(entries[0]!.term).toBe(1);
        expect(entries[1]!.term).toBe(3);
      }
    });
  }

  for (const vt of [MsgVote, MsgPreVote]) {
    it(`vote from any state (${vt === MsgVote ? 'MsgVote' : 'MsgPreVote'})`, () => {
      for (const st of [StateFollower, StateCandidate, StateLeader, StatePreCandidate]) {
        const r = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
        r.term = 1;
        if (st === StateFollower) r.becomeFollower(r.term, 3);
        else if (st === StatePreCandidate) r.becomePreCandidate();
        else if (st === StateCandidate) r.becomeCandidate();
        else {
          r.becomeCandidate();
          r.becomeLeader();
        }
        const origTerm = r.term;
        const newTerm = r.term + 1;
        expect(r.step(m({ from: 2, to: 1, type: vt, term: newTerm, logTerm: newTerm, index: 42 }))).toBeNull();
        const msgs = readMessages(r);
        expect(msgs.length).toBe(1);
        expect(msgs[0]!.type).toBe(voteRespMsgType(vt));
        expect(msgs[0]!.reject).toBe(false);
        if (vt === MsgVote) {
          expect(r.state).toBe(StateFollower);
          expect(r.term).toBe(newTerm);
          expect(r.vote).toBe(2);
        } else {
          expect(r.state).toBe(st);
          expect(r.term).toBe(origTerm);
          expect(r.vote === None || r.vote === 1).toBe(true);
        }
      }
    });
  }

  it('learner election timeout', () => {
    const n2 = newTestRaft(2, 10, 1, newTestMemoryStorage({ peers: [1], learners: [2] }));
    n2.becomeFollower(1, None);
    setRandomizedElectionTimeout(n2, n2.electionTimeout);
    for (let i = 0; i < n2.electionTimeout; i++) n2.tick();
    expect(n2.state).toBe(StateFollower);
  });

  it('learner promotion', () => {
    const n1 = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1], learners: [2] }));
    const n2 = newTestRaft(2, 10, 1, newTestMemoryStorage({ peers: [1], learners: [2] }));
    n1.becomeFollower(1, None);
    n2.becomeFollower(1, None);
    const nt = newNetwork(n1, n2);
    expect(n1.state).not.toBe(StateLeader);
    setRandomizedElectionTimeout(n1, n1.electionTimeout);
    for (let i = 0; i < n1.electionTimeout; i++) n1.tick();
    advanceMessagesAfterAppend(n1);
    expect(n1.state).toBe(StateLeader);
    expect(n2.state).toBe(StateFollower);
    nt.send(m({ from: 1, to: 1, type: MsgBeat }));
    const add2 = () => asV2(newConfChange({ nodeId: 2, type: ConfChangeType.ConfChangeAddNode }));
    n1.applyConfChange(add2());
    n2.applyConfChange(add2());
    expect(n2.isLearner).toBe(false);
    setRandomizedElectionTimeout(n2, n2.electionTimeout);
    for (let i = 0; i < n2.electionTimeout; i++) n2.tick();
    advanceMessagesAfterAppend(n2);
    nt.send(m({ from: 2, to: 2, type: MsgBeat }));
    expect(n1.state).toBe(StateFollower);
    expect(n2.state).toBe(StateLeader);
  });

  it('learner can vote', () => {
    const n2 = newTestRaft(2, 10, 1, newTestMemoryStorage({ peers: [1], learners: [2] }));
    n2.becomeFollower(1, None);
    n2.step(m({ from: 1, to: 2, term: 2, type: MsgVote, logTerm: 11, index: 11 }));
    const msgs = readMessages(n2);
    expect(msgs.length).toBe(1);
    expect(msgs[0]!.type).toBe(MsgVoteResp);
    expect(msgs[0]!.reject).toBe(false);
  });

  it('dueling candidates', () => {
    const a = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
    const b = newTestRaft(2, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
    const c = newTestRaft(3, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
    const nt = newNetwork(a, b, c);
    nt.cut(1, 3);
    nt.send(hup(1));
    nt.send(hup(3));
    expect(a.state).toBe(StateLeader);
    expect(c.state).toBe(StateCandidate);
    nt.recover();
    nt.send(hup(3));
    expect(c.state).toBe(StateFollower);
    const tests: [Raft, StateType, number, number][] = [
      [a, StateFollower, 2, 1],
      [b, StateFollower, 2, 1],
      [c, StateFollower, 2, 0],
    ];
    for (const [sm, state, term, lastIndex] of tests) {
      expect(sm.state).toBe(state);
      expect(sm.term).toBe(term);
      expect(sm.raftLog.lastIndex()).toBe(lastIndex);
    }
  });

  it('dueling pre-candidates', () => {
    const mk = (id: number) => {
      const cfg = newTestConfig(id, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
      cfg.preVote = true;
      return new Raft(cfg);
    };
    const [a, b, c] = [mk(1), mk(2), mk(3)];
    const nt = newNetwork(a, b, c);
    nt.cut(1, 3);
    nt.send(hup(1));
    nt.send(hup(3));
    expect(a.state).toBe(StateLeader);
    expect(c.state).toBe(StateFollower);
    nt.recover();
    nt.send(hup(3));
    const tests: [Raft, StateType, number, number][] = [
      [a, StateLeader, 1, 1],
      [b, StateFollower, 1, 1],
      [c, StateFollower, 1, 0],
    ];
    for (const [sm, state, term, lastIndex] of tests) {
      expect(sm.state).toBe(state);
      expect(sm.term).toBe(term);
      expect(sm.raftLog.lastIndex()).toBe(lastIndex);
    }
  });

  it('candidate concede', () => {
    const tt = newNetwork(null, null, null);
    tt.isolate(1);
    tt.send(hup(1));
    tt.send(hup(3));
    tt.recover();
    tt.send(m({ from: 3, to: 3, type: MsgBeat }));
    const data = bytes('force follower');
    tt.send(prop(3, 3, data));
    tt.send(m({ from: 3, to: 3, type: MsgBeat }));
    const a = tt.raft(1);
    expect(a.state).toBe(StateFollower);
    expect(a.term).toBe(1);
    const want = ltoa(newLog(storageWithEnts([newEntry(), newEntry({ term: 1, index: 1 }), newEntry({ term: 1, index: 2, data })]), quietLogger));
    for (const id of [1, 2, 3]) expect(ltoa(tt.raft(id).raftLog)).toEqual(want);
  });

  it('single node candidate / pre-candidate', () => {
    const tt = newNetwork(null);
    tt.send(hup(1));
    expect(tt.raft(1).state).toBe(StateLeader);
    const tp = newNetworkWithConfig(preVoteConfig, null);
    tp.send(hup(1));
    expect(tp.raft(1).state).toBe(StateLeader);
  });

  it('recv MsgVote / MsgPreVote', () => {
    for (const msgType of [MsgVote, MsgPreVote]) {
      const tests: [StateType, number, number, number, boolean][] = [
        [StateFollower, 0, 0, None, true],
        [StateFollower, 0, 1, None, true],
        [StateFollower, 0, 2, None, true],
        [StateFollower, 0, 3, None, false],
        [StateFollower, 1, 0, None, true],
        [StateFollower, 1, 1, None, true],
        [StateFollower, 1, 2, None, true],
        [StateFollower, 1, 3, None, false],
        [StateFollower, 2, 0, None, true],
        [StateFollower, 2, 1, None, true],
        [StateFollower, 2, 2, None, false],
        [StateFollower, 2, 3, None, false],
        [StateFollower, 3, 0, None, true],
        [StateFollower, 3, 1, None, true],
        [StateFollower, 3, 2, None, false],
        [StateFollower, 3, 3, None, false],
        [StateFollower, 3, 2, 2, false],
        [StateFollower, 3, 2, 1, true],
        [StateLeader, 3, 3, 1, true],
        [StatePreCandidate, 3, 3, 1, true],
        [StateCandidate, 3, 3, 1, true],
      ];
      for (const [state, idx, logTerm, voteFor, wreject] of tests) {
        const sm = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1] }));
        sm.state = state;
        sm.vote = voteFor;
        sm.raftLog = newLog(storageWithEnts(index(0).terms(0, 2, 2)), quietLogger);
        const term = Math.max(sm.raftLog.lastEntryID().term, logTerm);
        sm.term = term;
        if (state === StateFollower) sm.stepFunc = (r, x) => stepOf('follower')(r, x);
        else if (state === StateLeader) sm.stepFunc = (r, x) => stepOf('leader')(r, x);
        else sm.stepFunc = (r, x) => stepOf('candidate')(r, x);
        sm.step(m({ type: msgType, term, from: 2, index: idx, logTerm }));
        const msgs = readMessages(sm);
        expect(msgs.length).toBe(1);
        expect(msgs[0]!.type).toBe(voteRespMsgType(msgType));
        expect(msgs[0]!.reject).toBe(wreject);
      }
    }
  });

  it('state transition', () => {
    const tests: [StateType, StateType, boolean, number, number][] = [
      [StateFollower, StateFollower, true, 1, None],
      [StateFollower, StatePreCandidate, true, 0, None],
      [StateFollower, StateCandidate, true, 1, None],
      [StateFollower, StateLeader, false, 0, None],
      [StatePreCandidate, StateFollower, true, 0, None],
      [StatePreCandidate, StatePreCandidate, true, 0, None],
      [StatePreCandidate, StateCandidate, true, 1, None],
      [StatePreCandidate, StateLeader, true, 0, 1],
      [StateCandidate, StateFollower, true, 0, None],
      [StateCandidate, StatePreCandidate, true, 0, None],
      [StateCandidate, StateCandidate, true, 1, None],
      [StateCandidate, StateLeader, true, 0, 1],
      [StateLeader, StateFollower, true, 1, None],
      [StateLeader, StatePreCandidate, false, 0, None],
      [StateLeader, StateCandidate, false, 1, None],
      [StateLeader, StateLeader, true, 0, 1],
    ];
    for (const [from, to, wallow, wterm, wlead] of tests) {
      const sm = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1] }));
      sm.state = from;
      let threw = false;
      try {
        if (to === StateFollower) sm.becomeFollower(wterm, wlead);
        else if (to === StatePreCandidate) sm.becomePreCandidate();
        else if (to === StateCandidate) sm.becomeCandidate();
        else sm.becomeLeader();
      } catch {
        threw = true;
      }
      expect(threw).toBe(!wallow);
      if (!threw) {
        expect(sm.term).toBe(wterm);
        expect(sm.lead).toBe(wlead);
      }
    }
  });

  it('all servers step down', () => {
    const tests: [StateType, StateType, number, number][] = [
      [StateFollower, StateFollower, 3, 0],
      [StatePreCandidate, StateFollower, 3, 0],
      [StateCandidate, StateFollower, 3, 0],
      [StateLeader, StateFollower, 3, 1],
    ];
    const tmsgTypes = [MsgVote, MsgApp];
    const tterm = 3;
    for (const [state, wstate, wterm, windex] of tests) {
      const sm = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
      if (state === StateFollower) sm.becomeFollower(1, None);
      else if (state === StatePreCandidate) sm.becomePreCandidate();
      else if (state === StateCandidate) sm.becomeCandidate();
      else {
        sm.becomeCandidate();
        sm.becomeLeader();
      }
      for (const [j, msgType] of tmsgTypes.entries()) {
        sm.step(m({ from: 2, type: msgType, term: tterm, logTerm: tterm }));
        expect(sm.state).toBe(wstate);
        expect(sm.term).toBe(wterm);
        expect(sm.raftLog.lastIndex()).toBe(windex);
        expect(sm.raftLog.allEntries().length).toBe(windex);
        expect(sm.lead).toBe(j === 0 ? None : 2);
      }
    }
  });

  it('candidate self vote after lost election', () => {
    for (const preVote of [false, true]) {
      const sm = newTestRaft(1, 5, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
      sm.preVote = preVote;
      // n1 campaigns.
      sm.step(hup(1));
      const steps = takeMessagesAfterAppend(sm);
      // A heartbeat from n2 (the winner) arrives before n1's own vote
      // is persisted and counted.
      sm.step(m({ from: 2, to: 1, term: sm.term, type: MsgHeartbeat }));
      expect(sm.state).toBe(StateFollower);
      // Delivering the stale self-vote afterwards must not revive the campaign.
      stepOrSend(sm, steps);
      expect(sm.state).toBe(StateFollower);
      // ...nor be tallied.
      expect(sm.trk.tallyVotes().granted).toBe(0);
    }
  });
});

function stepOf(k: 'follower' | 'leader' | 'candidate') {
  return k === 'follower' ? stepFollower : k === 'leader' ? stepLeader : stepCandidate;
}

describe('raft: replication and commit', () => {
  it('log replication', () => {
    const tests: [Network, Message[], number][] = [
      [newNetwork(null, null, null), [prop(1, 1, bytes('somedata'))], 2],
      [newNetwork(null, null, null), [prop(1, 1, bytes('somedata')), m({ from: 1, to: 2, type: MsgHup }), prop(1, 2, bytes('somedata'))], 4],
    ];
    for (const [nt, msgs, wcommitted] of tests) {
      nt.send(hup(1));
      for (const x of msgs) nt.send(x);
      for (const id of [1, 2, 3]) {
        const sm = nt.raft(id);
        expect(sm.raftLog.committed).toBe(wcommitted);
        const ents = nextEnts(sm, nt.storage.get(id)!).filter((e) => e.data !== undefined);
        const props = msgs.filter((x) => x.type === MsgProp);
        props.forEach((p, k) => expect(ents[k]!.data).toEqual(p.entries[0]!.data));
      }
    }
  });

  it('learner log replication', () => {
    const n1 = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1], learners: [2] }));
    const n2 = newTestRaft(2, 10, 1, newTestMemoryStorage({ peers: [1], learners: [2] }));
    const nt = newNetwork(n1, n2);
    n1.becomeFollower(1, None);
    n2.becomeFollower(1, None);
    setRandomizedElectionTimeout(n1, n1.electionTimeout);
    for (let i = 0; i < n1.electionTimeout; i++) n1.tick();
    advanceMessagesAfterAppend(n1);
    nt.send(m({ from: 1, to: 1, type: MsgBeat }));
    expect(n1.state).toBe(StateLeader);
    expect(n2.isLearner).toBe(true);
    nt.send(prop(1, 1, bytes('somedata')));
    expect(n1.raftLog.committed).toBe(2);
    expect(n2.raftLog.committed).toBe(n1.raftLog.committed);
    expect(n1.trk.progress.get(2)!.match).toBe(n2.raftLog.committed);
  });

  it('single node commit', () => {
    const tt = newNetwork(newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1] })));
    tt.send(hup(1));
    tt.send(prop(1, 1, bytes('some data')));
    tt.send(prop(1, 1, bytes('some data')));
    expect(tt.raft(1).raftLog.committed).toBe(3);
  });

  it('cannot commit without new term entry', () => {
    const tt = newNetwork(null, null, null, null, null);
    tt.send(hup(1));
    tt.cut(1, 3);
    tt.cut(1, 4);
    tt.cut(1, 5);
    tt.send(prop(1, 1, bytes('some data')));
    tt.send(prop(1, 1, bytes('some data')));
    expect(tt.raft(1).raftLog.committed).toBe(1);
    tt.recover();
    tt.ignore(MsgApp);
    tt.send(hup(2));
    const sm = tt.raft(2);
    expect(sm.raftLog.committed).toBe(1);
    tt.recover();
    tt.send(m({ from: 2, to: 2, type: MsgBeat }));
    tt.send(prop(2, 2, bytes('some data')));
    expect(sm.raftLog.committed).toBe(5);
  });

  it('commit without new term entry', () => {
    const tt = newNetwork(null, null, null, null, null);
    tt.send(hup(1));
    tt.cut(1, 3);
    tt.cut(1, 4);
    tt.cut(1, 5);
    tt.send(prop(1, 1, bytes('some data')));
    tt.send(prop(1, 1, bytes('some data')));
    const sm = tt.raft(1);
    expect(sm.raftLog.committed).toBe(1);
    tt.recover();
    tt.send(hup(2));
    expect(sm.raftLog.committed).toBe(4);
  });

  it('old messages', () => {
    const tt = newNetwork(null, null, null);
    tt.send(hup(1));
    tt.send(hup(2));
    tt.send(hup(1));
    tt.send(m({ from: 2, to: 1, type: MsgApp, term: 2, entries: index(3).terms(2) }));
    tt.send(prop(1, 1, bytes('somedata')));
    const ents = index(0).terms(0, 1, 2, 3, 3);
    ents[4] = { ...ents[4]!, data: bytes('somedata') };
    const base = ltoa(newLog(storageWithEnts(ents), quietLogger));
    for (const id of [1, 2, 3]) expect(ltoa(tt.raft(id).raftLog)).toEqual(base);
  });

  it('proposal', () => {
    const tests: [Peer[], boolean][] = [
      [[null, null, null], true],
      [[null, null, nopStepper], true],
      [[null, nopStepper, nopStepper], false],
      [[null, nopStepper, nopStepper, null], false],
      [[null, nopStepper, nopStepper, null, null], true],
    ];
    for (const [peers, success] of tests) {
      const tt = newNetwork(...peers);
      const send = (x: Message) => {
        try {
          tt.send(x);
        } catch (e) {
          if (success) throw e;
        }
      };
      const data = bytes('somedata');
      send(hup(1));
      send(prop(1, 1, data));
      const r = tt.raft(1);
      const want = success
        ? ltoa(newLog(storageWithEnts([newEntry(), newEntry({ term: 1, index: 1 }), newEntry({ term: 1, index: 2, data })]), quietLogger))
        : ltoa(newLog(newTestMemoryStorage(), quietLogger));
      peers.forEach((p, i) => {
        if (p === null) expect(ltoa(tt.raft(i + 1).raftLog)).toEqual(want);
      });
      expect(r.term).toBe(1);
    }
  });

  it('proposal by proxy', () => {
    const data = bytes('somedata');
    for (const peers of [
      [null, null, null],
      [null, null, nopStepper],
    ] as Peer[][]) {
      const tt = newNetwork(...peers);
      tt.send(hup(1));
      tt.send(prop(2, 2, data));
      const want = ltoa(newLog(storageWithEnts([newEntry(), newEntry({ term: 1, index: 1 }), newEntry({ term: 1, index: 2, data })]), quietLogger));
      peers.forEach((p, i) => {
        if (p === null) expect(ltoa(tt.raft(i + 1).raftLog)).toEqual(want);
      });
      expect(tt.raft(1).term).toBe(1);
    }
  });

  it('commit', () => {
    const tests: [number[], Entry[], number, number][] = [
      // one voter
      [[1], index(1).terms(1), 1, 1],
      [[1], index(1).terms(1), 2, 0],
      [[2], index(1).terms(1, 2), 2, 2],
      [[1], index(1).terms(2), 2, 1],
      // three voters
      [[2, 1, 1], index(1).terms(1, 2), 1, 1],
      [[2, 1, 1], index(1).terms(1, 1), 2, 0],
      [[2, 1, 2], index(1).terms(1, 2), 2, 2],
      [[2, 1, 2], index(1).terms(1, 1), 2, 0],
      // four voters
      [[2, 1, 1, 1], index(1).terms(1, 2), 1, 1],
      [[2, 1, 1, 1], index(1).terms(1, 1), 2, 0],
      [[2, 1, 1, 2], index(1).terms(1, 2), 1, 1],
      [[2, 1, 1, 2], index(1).terms(1, 1), 2, 0],
      [[2, 1, 2, 2], index(1).terms(1, 2), 2, 2],
      [[2, 1, 2, 2], index(1).terms(1, 1), 2, 0],
    ];
    for (const [matches, logs, smTerm, w] of tests) {
      const storage = newTestMemoryStorage({ peers: [1] });
      storage.append(logs);
      storage.hardState = { term: smTerm, vote: 0, commit: 0 };
      const sm = newTestRaft(1, 10, 2, storage);
      matches.forEach((match, j) => {
        const id = j + 1;
        if (id > 1) sm.applyConfChange(asV2(newConfChange({ type: ConfChangeType.ConfChangeAddNode, nodeId: id })));
        const pr = sm.trk.progress.get(id)!;
        pr.match = match;
        pr.next = match + 1;
      });
      sm.maybeCommit();
      expect(sm.raftLog.committed).toBe(w);
    }
  });

  it('past election timeout', () => {
    const tests: [number, number, boolean][] = [
      [5, 0, false],
      [10, 0.1, true],
      [13, 0.4, true],
      [15, 0.6, true],
      [18, 0.9, true],
      [20, 1, false],
    ];
    for (const [elapse, wprobability, round] of tests) {
      const sm = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1] }));
      sm.electionElapsed = elapse;
      let c = 0;
      for (let j = 0; j < 10000; j++) {
        sm.resetRandomizedElectionTimeout();
        if (sm.pastElectionTimeout()) c++;
      }
      let got = c / 10000;
      if (round) got = Math.floor(got * 10 + 0.5) / 10;
      expect(got).toBe(wprobability);
    }
  });

  it('handle MsgApp', () => {
    const tests: [Message, number, number, boolean][] = [
      // Rejected: no entry at prev index with the prev term.
      [m({ type: MsgApp, term: 2, logTerm: 3, index: 2, commit: 3 }), 2, 0, true], // term at index 2 differs
      [m({ type: MsgApp, term: 2, logTerm: 3, index: 3, commit: 3 }), 2, 0, true], // index 3 not in the log
      // Accepted: conflicting entries get replaced, new ones appended.
      [m({ type: MsgApp, term: 2, logTerm: 1, index: 1, commit: 1 }), 2, 1, false],
      [m({ type: MsgApp, term: 2, logTerm: 0, index: 0, commit: 1, entries: [newEntry({ index: 1, term: 2 })] }), 1, 1, false],
      [m({ type: MsgApp, term: 2, logTerm: 2, index: 2, commit: 3, entries: [newEntry({ index: 3, term: 2 }), newEntry({ index: 4, term: 2 })] }), 4, 3, false],
      [m({ type: MsgApp, term: 2, logTerm: 2, index: 2, commit: 4, entries: [newEntry({ index: 3, term: 2 })] }), 3, 3, false],
      [m({ type: MsgApp, term: 2, logTerm: 1, index: 1, commit: 4, entries: [newEntry({ index: 2, term: 2 })] }), 2, 2, false],
      // Commit moves to min(leader commit, last new index).
      [m({ type: MsgApp, term: 1, logTerm: 1, index: 1, commit: 3 }), 2, 1, false],
      [m({ type: MsgApp, term: 1, logTerm: 1, index: 1, commit: 3, entries: [newEntry({ index: 2, term: 2 })] }), 2, 2, false],
      [m({ type: MsgApp, term: 2, logTerm: 2, index: 2, commit: 3 }), 2, 2, false],
      [m({ type: MsgApp, term: 2, logTerm: 2, index: 2, commit: 4 }), 2, 2, false],
    ];
    for (const [msg, wIndex, wCommit, wReject] of tests) {
      const storage = newTestMemoryStorage({ peers: [1] });
      expect(storage.append(index(1).terms(1, 2))).toBeNull();
      const sm = newTestRaft(1, 10, 1, storage);
      sm.becomeFollower(2, None);
      sm.handleAppendEntries(msg);
      expect(sm.raftLog.lastIndex()).toBe(wIndex);
      expect(sm.raftLog.committed).toBe(wCommit);
      const msgs = readMessages(sm);
      expect(msgs.length).toBe(1);
      expect(msgs[0]!.reject).toBe(wReject);
    }
  });

  it('handle heartbeat', () => {
    const commit = 2;
    const tests: [Message, number][] = [
      [m({ from: 2, to: 1, type: MsgHeartbeat, term: 2, commit: commit + 1 }), commit + 1],
      [m({ from: 2, to: 1, type: MsgHeartbeat, term: 2, commit: commit - 1 }), commit], // lower commit is ignored
    ];
    for (const [msg, wCommit] of tests) {
      const storage = newTestMemoryStorage({ peers: [1, 2] });
      expect(storage.append(index(1).terms(1, 2, 3))).toBeNull();
      const sm = newTestRaft(1, 5, 1, storage);
      sm.becomeFollower(2, 2);
      sm.raftLog.commitTo(commit);
      sm.handleHeartbeat(msg);
      expect(sm.raftLog.committed).toBe(wCommit);
      const msgs = readMessages(sm);
      expect(msgs.length).toBe(1);
      expect(msgs[0]!.type).toBe(MsgHeartbeatResp);
    }
  });

  it('handle heartbeat resp', () => {
    const storage = newTestMemoryStorage({ peers: [1, 2] });
    expect(storage.append(index(1).terms(1, 2, 3))).toBeNull();
    const sm = newTestRaft(1, 5, 1, storage);
    sm.becomeCandidate();
    sm.becomeLeader();
    sm.raftLog.commitTo(sm.raftLog.lastIndex());
    sm.step(m({ from: 2, type: MsgHeartbeatResp }));
    let msgs = readMessages(sm);
    expect(msgs.length).toBe(1);
    expect(msgs[0]!.type).toBe(MsgApp);
    sm.step(m({ from: 2, type: MsgHeartbeatResp }));
    msgs = readMessages(sm);
    expect(msgs.length).toBe(1);
    expect(msgs[0]!.type).toBe(MsgApp);
    sm.step(m({ from: 2, type: MsgAppResp, index: msgs[0]!.index + msgs[0]!.entries.length }));
    readMessages(sm);
    sm.step(m({ from: 2, type: MsgHeartbeatResp }));
    expect(readMessages(sm)).toEqual([]);
  });

  it('MsgAppResp wait reset', () => {
    const s = newTestMemoryStorage({ peers: [1, 2, 3] });
    const sm = newTestRaft(1, 5, 1, s);
    sm.becomeCandidate();
    sm.becomeLeader();
    nextEnts(sm, s);
    sm.step(m({ from: 2, type: MsgAppResp, index: 1 }));
    expect(sm.raftLog.committed).toBe(1);
    readMessages(sm);
    sm.step(m({ from: 1, type: MsgProp, entries: [newEntry()] }));
    let msgs = readMessages(sm);
    expect(msgs.length).toBe(1);
    expect(msgs[0]!.type).toBe(MsgApp);
    expect(msgs[0]!.to).toBe(2);
    expect(msgs[0]!.entries.length).toBe(1);
    expect(msgs[0]!.entries[0]!.index).toBe(2);
    sm.step(m({ from: 3, type: MsgAppResp, index: 1 }));
    msgs = readMessages(sm);
    expect(msgs.length).toBe(1);
    expect(msgs[0]!.to).toBe(3);
    expect(msgs[0]!.entries[0]!.index).toBe(2);
  });

  it('log replication with reordered message', () => {
    const r1 = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1, 2] }));
    r1.becomeCandidate();
    r1.becomeLeader();
    readMessages(r1);
    r1.trk.progress.get(2)!.becomeReplicate();
    const r2 = newTestRaft(2, 10, 1, newTestMemoryStorage({ peers: [1, 2] }));
    // Two appends from r1 to r2 in a row.
    mustAppendEntry(r1, newEntry({ data: bytes('somedata') }));
    r1.sendAppend(2);
    const req1 = expectOneMessage(r1);
    mustAppendEntry(r1, newEntry({ data: bytes('somedata') }));
    r1.sendAppend(2);
    const req2 = expectOneMessage(r1);
    // Deliver them out of order: the later one first.
    r2.step(req2);
    const resp2 = expectOneMessage(r2);
    expect(resp2.reject).toBe(true);
    expect(resp2.rejectHint).toBe(0);
    expect(resp2.index).toBe(2);
    r2.step(req1);
    let x = expectOneMessage(r2);
    expect(x.reject).toBe(false);
    expect(x.index).toBe(2);
    r1.step(x);
    x = expectOneMessage(r1);
    expect(r1.trk.progress.get(2)!.match).toBe(2);
    r1.step(m({ from: 2, to: 1, type: MsgUnreachable }));
    expect(r1.trk.progress.get(2)!.state).toBe(ProgressState.StateProbe);
    r1.step(resp2);
    x = expectOneMessage(r1);
    expect(x.index).toBe(r1.trk.progress.get(2)!.match);
  });
});

describe('raft: check quorum', () => {
  it('leader steps down when quorum active / lost', () => {
    const a = newTestRaft(1, 5, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
    a.checkQuorum = true;
    a.becomeCandidate();
    a.becomeLeader();
    for (let i = 0; i < a.electionTimeout + 1; i++) {
      a.step(m({ from: 2, type: MsgHeartbeatResp, term: a.term }));
      a.tick();
    }
    expect(a.state).toBe(StateLeader);

    const b = newTestRaft(1, 5, 1, newTestMemoryStorage({ peers: [1, 2, 3] }));
    b.checkQuorum = true;
    b.becomeCandidate();
    b.becomeLeader();
    for (let i = 0; i < b.electionTimeout + 1; i++) b.tick();
    expect(b.state).toBe(StateFollower);
  });

  function cq3(): [Raft, Raft, Raft] {
    const rs = [1, 2, 3].map((id) => newTestRaft(id, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] })));
    for (const r of rs) r.checkQuorum = true;
    return rs as [Raft, Raft, Raft];
  }

  it('leader superseding with check quorum', () => {
    const [a, b, c] = cq3();
    const nt = newNetwork(a, b, c);
    setRandomizedElectionTimeout(b, b.electionTimeout + 1);
    for (let i = 0; i < b.electionTimeout; i++) b.tick();
    nt.send(hup(1));
    expect(a.state).toBe(StateLeader);
    expect(c.state).toBe(StateFollower);
    nt.send(hup(3));
    expect(c.state).toBe(StateCandidate);
    for (let i = 0; i < b.electionTimeout; i++) b.tick();
    nt.send(hup(3));
    expect(c.state).toBe(StateLeader);
  });

  it('leader election with check quorum', () => {
    const [a, b, c] = cq3();
    const nt = newNetwork(a, b, c);
    setRandomizedElectionTimeout(a, a.electionTimeout + 1);
    setRandomizedElectionTimeout(b, b.electionTimeout + 2);
    nt.send(hup(1));
    expect(a.state).toBe(StateLeader);
    expect(c.state).toBe(StateFollower);
    setRandomizedElectionTimeout(a, a.electionTimeout + 1);
    setRandomizedElectionTimeout(b, b.electionTimeout + 2);
    for (let i = 0; i < a.electionTimeout; i++) a.tick();
    for (let i = 0; i < b.electionTimeout; i++) b.tick();
    nt.send(hup(3));
    expect(a.state).toBe(StateFollower);
    expect(c.state).toBe(StateLeader);
  });

  it('free stuck candidate with check quorum', () => {
    const [a, b, c] = cq3();
    const nt = newNetwork(a, b, c);
    setRandomizedElectionTimeout(b, b.electionTimeout + 1);
    for (let i = 0; i < b.electionTimeout; i++) b.tick();
    nt.send(hup(1));
    nt.isolate(1);
    nt.send(hup(3));
    expect(b.state).toBe(StateFollower);
    expect(c.state).toBe(StateCandidate);
    expect(c.term).toBe(b.term + 1);
    nt.send(hup(3));
    expect(b.state).toBe(StateFollower);
    expect(c.state).toBe(StateCandidate);
    expect(c.term).toBe(b.term + 2);
    nt.recover();
    nt.send(m({ from: 1, to: 3, type: MsgHeartbeat, term: a.term }));
    expect(a.state).toBe(StateFollower);
    expect(c.term).toBe(a.term);
    nt.send(hup(3));
    expect(c.state).toBe(StateLeader);
  });

  it('non-promotable voter with check quorum', () => {
    const a = newTestRaft(1, 10, 1, newTestMemoryStorage({ peers: [1, 2] }));
    const b = newTestRaft(2, 10, 1, newTestMemoryStorage({ peers: [1] }));
    a.checkQuorum = true;
    b.checkQuorum = true;
    const nt = newNetwork(a, b);
    setRandomizedElectionTimeout(b, b.electionTimeout + 1);
    b.applyConfChange(asV2(newConfChange({ type: ConfChangeType.ConfChangeRemoveNode, nodeId: 2 })));
    expect(b.promotable()).toBe(false);
    for (let i = 0; i < b.electionTimeout; i++) b.tick();
    nt.send(hup(1));
    expect(a.state).toBe(StateLeader);
    expect(b.state).toBe(StateFollower);
    expect(b.lead).toBe(1);
  });

  it('disruptive follower', () => {
    const [n1, n2, n3] = cq3();
    for (const n of [n1, n2, n3]) n.becomeFollower(1, None);
    const nt = newNetwork(n1, n2, n3);
    nt.send(hup(1));
    expect([n1.state, n2.state, n3.state]).toEqual([StateLeader, StateFollower, StateFollower]);
    setRandomizedElectionTimeout(n3, n3.electionTimeout + 2);
    for (let i = 0; i < n3.randomizedElectionTimeout - 1; i++) n3.tick();
    n3.tick();
    expect([n1.state, n2.state, n3.state]).toEqual([StateLeader, StateFollower, StateCandidate]);
    expect([n1.term, n2.term, n3.term]).toEqual([2, 2, 3]);
    nt.send(m({ from: 1, to: 3, term: n1.term, type: MsgHeartbeat }));
    expect([n1.state, n2.state, n3.state]).toEqual([StateFollower, StateFollower, StateCandidate]);
    expect([n1.term, n2.term, n3.term]).toEqual([3, 2, 3]);
  });

  it('disruptive follower with pre-vote', () => {
    const [n1, n2, n3] = cq3();
    for (const n of [n1, n2, n3]) n.becomeFollower(1, None);
    const nt = newNetwork(n1, n2, n3);
    nt.send(hup(1));
    nt.isolate(3);
    for (let i = 0; i < 3; i++) nt.send(prop(1, 1, bytes('somedata')));
    for (const n of [n1, n2, n3]) n.preVote = true;
    nt.recover();
    nt.send(hup(3));
    expect([n1.state, n2.state, n3.state]).toEqual([StateLeader, StateFollower, StatePreCandidate]);
    expect([n1.term, n2.term, n3.term]).toEqual([2, 2, 2]);
    nt.send(m({ from: 1, to: 3, term: n1.term, type: MsgHeartbeat }));
    expect(n1.state).toBe(StateLeader);
  });
});

describe('raft: read index', () => {
  function run(lease: boolean): void {
    const rs = [1, 2, 3].map((id) => newTestRaft(id, 10, 1, newTestMemoryStorage({ peers: [1, 2, 3] })));
    if (lease) {
      for (const r of rs) {
        r.readOnly.option = ReadOnlyOption.ReadOnlyLeaseBased;
        r.checkQuorum = true;
      }
    }
    const [a, b, c] = rs as [Raft, Raft, Raft];
    const nt = newNetwork(a, b, c);
    setRandomizedElectionTimeout(b, b.electionTimeout + 1);
    for (let i = 0; i < b.electionTimeout; i++) b.tick();
    nt.send(hup(1));
    expect(a.state).toBe(StateLeader);
    const tests: [Raft, number, number, string][] = [
      [a, 10, 11, 'ctx1'],
      [b, 10, 21, 'ctx2'],
      [c, 10, 31, 'ctx3'],
      [a, 10, 41, 'ctx4'],
      [b, 10, 51, 'ctx5'],
      [c, 10, 61, 'ctx6'],
    ];
    for (const [sm, proposals, wri, wctx] of tests) {
      for (let j = 0; j < proposals; j++) nt.send(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }));
      nt.send(m({ from: sm.id, to: sm.id, type: MsgReadIndex, entries: [newEntry({ data: bytes(wctx) })] }));
      expect(sm.readStates.length).toBeGreaterThan(0);
      expect(sm.readStates[0]!.index).toBe(wri);
      expect(sm.readStates[0]!.requestCtx).toEqual(bytes(wctx));
      sm.readStates = [];
    }
  }
  it('read only option safe', () => run(false));
  it('read only option lease', () => run(true));

  it('frees read-only memory', () => {
    const sm = newTestRaft(1, 5, 1, newTestMemoryStorage({ peers: [1, 2] }));
    sm.becomeCandidate();
    sm.becomeLeader();
    sm.raftLog.commitTo(sm.raftLog.lastIndex());
    const ctx = bytes('ctx');
    sm.step(m({ from: 2, type: MsgReadIndex, entries: [newEntry({ data: ctx })] }));
    const msgs = readMessages(sm);
    expect(msgs.length).toBe(1);
    expect(msgs[0]!.type).toBe(MsgHeartbeat);
    expect(msgs[0]!.context).toEqual(ctx);
    expect(sm.readOnly.readIndexQueue.length).toBe(1);
    expect(sm.readOnly.pendingReadIndex.size).toBe(1);
    expect(sm.readOnly.pendingReadIndex.has('ctx')).toBe(true);
    sm.step(m({ from: 2, type: MsgHeartbeatResp, context: ctx }));
    expect(sm.readOnly.readIndexQueue.length).toBe(0);
    expect(sm.readOnly.pendingReadIndex.size).toBe(0);
  });

  it('read only for new leader', () => {
    const nodeConfigs: [number, number, number, number][] = [
      [1, 1, 1, 0],
      [2, 2, 2, 2],
      [3, 2, 2, 2],
    ];
    const peers: Raft[] = [];
    for (const [id, committed, applied, compactIndex] of nodeConfigs) {
      const storage = newTestMemoryStorage({ peers: [1, 2, 3] });
      expect(storage.append(index(1).terms(1, 1))).toBeNull();
      storage.setHardState({ term: 1, commit: committed, vote: 0 });
      if (compactIndex !== 0) storage.compact(compactIndex);
      const cfg = newTestConfig(id, 10, 1, storage);
      cfg.applied = applied;
      peers.push(new Raft(cfg));
    }
    const nt = newNetwork(...peers);
    nt.ignore(MsgApp);
    nt.send(hup(1));
    const sm = nt.raft(1);
    expect(sm.state).toBe(StateLeader);
    const wctx = bytes('ctx');
    nt.send(m({ from: 1, to: 1, type: MsgReadIndex, entries: [newEntry({ data: wctx })] }));
    expect(sm.readStates).toEqual([]);
    nt.recover();
    for (let i = 0; i < sm.heartbeatTimeout; i++) sm.tick();
    nt.send(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }));
    expect(sm.raftLog.committed).toBe(4);
    expect(sm.raftLog.zeroTermOnOutOfBounds(sm.raftLog.committed)).toBe(sm.term);
    expect(sm.readStates.length).toBe(1);
    expect(sm.readStates[0]).toEqual({ index: 4, requestCtx: wctx });
    nt.send(m({ from: 1, to: 1, type: MsgReadIndex, entries: [newEntry({ data: wctx })] }));
    expect(sm.readStates.length).toBe(2);
    expect(sm.readStates[1]).toEqual({ index: 4, requestCtx: wctx });
  });
});

describe('raft: leader transfer', () => {
  const elect3 = (): [Network, Raft] => {
    const nt = newNetwork(null, null, null);
    nt.send(hup(1));
    return [nt, nt.raft(1)];
  };

  it('to up-to-date node (via leader and via follower)', () => {
    for (const viaFollower of [false, true]) {
      const [nt, lead] = elect3();
      expect(lead.lead).toBe(1);
      nt.send(m({ from: 2, to: viaFollower ? 2 : 1, type: MsgTransferLeader }));
      checkLeaderTransferState(lead, StateFollower, 2);
      nt.send(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }));
      nt.send(m({ from: 1, to: viaFollower ? 1 : 2, type: MsgTransferLeader }));
      checkLeaderTransferState(lead, StateLeader, 1);
    }
  });

  it('with check quorum', () => {
    const nt = newNetwork(null, null, null);
    for (let i = 1; i < 4; i++) {
      const r = nt.raft(i);
      r.checkQuorum = true;
      setRandomizedElectionTimeout(r, r.electionTimeout + i);
    }
    const f = nt.raft(2);
    for (let i = 0; i < f.electionTimeout; i++) f.tick();
    nt.send(hup(1));
    const lead = nt.raft(1);
    expect(lead.state).toBe(StateLeader);
    nt.send(m({ from: 2, to: 1, type: MsgTransferLeader }));
    checkLeaderTransferState(lead, StateFollower, 2);
    nt.send(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }));
    nt.send(m({ from: 1, to: 2, type: MsgTransferLeader }));
    checkLeaderTransferState(lead, StateLeader, 1);
  });

  it('to slow follower', () => {
    const [nt, lead] = elect3();
    nt.isolate(3);
    nt.send(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }));
    nt.recover();
    expect(lead.trk.progress.get(3)!.match).toBe(1);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    checkLeaderTransferState(lead, StateFollower, 3);
  });

  it('after snapshot', () => {
    const [nt, lead] = elect3();
    nt.isolate(3);
    nt.send(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }));
    nextEnts(lead, nt.storage.get(1)!);
    nt.storage.get(1)!.createSnapshot(lead.raftLog.applied, { voters: lead.trk.voterNodes(), learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false }, undefined);
    nt.storage.get(1)!.compact(lead.raftLog.applied);
    nt.recover();
    expect(lead.trk.progress.get(3)!.match).toBe(1);
    let filtered: Message | undefined;
    nt.msgHook = (x) => {
      if (x.type !== MsgAppResp || x.from !== 3 || x.reject) return true;
      filtered = x;
      return false;
    };
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    expect(lead.state).toBe(StateLeader);
    expect(filtered).toBeDefined();
    const follower = nt.raft(3);
    const snap = follower.raftLog.nextUnstableSnapshot()!;
    nt.storage.get(3)!.applySnapshot(snap);
    follower.appliedSnap(snap);
    nt.msgHook = undefined;
    nt.send(filtered!);
    checkLeaderTransferState(lead, StateFollower, 3);
  });

  it('to self / to non-existing node', () => {
    let [nt, lead] = elect3();
    nt.send(m({ from: 1, to: 1, type: MsgTransferLeader }));
    checkLeaderTransferState(lead, StateLeader, 1);
    [nt, lead] = elect3();
    nt.send(m({ from: 4, to: 1, type: MsgTransferLeader }));
    checkLeaderTransferState(lead, StateLeader, 1);
  });

  it('timeout', () => {
    const [nt, lead] = elect3();
    nt.isolate(3);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    expect(lead.leadTransferee).toBe(3);
    for (let i = 0; i < lead.heartbeatTimeout; i++) lead.tick();
    expect(lead.leadTransferee).toBe(3);
    for (let i = 0; i < lead.electionTimeout - lead.heartbeatTimeout; i++) lead.tick();
    checkLeaderTransferState(lead, StateLeader, 1);
  });

  it('ignores proposals', () => {
    const s = newTestMemoryStorage({ peers: [1, 2, 3] });
    const r = newTestRaft(1, 10, 1, s);
    const nt = newNetwork(r, null, null);
    nt.send(hup(1));
    nt.isolate(3);
    const lead = nt.raft(1);
    nextEnts(r, s);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    expect(lead.leadTransferee).toBe(3);
    nt.send(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }));
    expect(lead.step(m({ from: 1, to: 1, type: MsgProp, entries: [newEntry()] }))).toBe(ErrProposalDropped);
    expect(lead.trk.progress.get(1)!.match).toBe(1);
  });

  it('receives higher term vote', () => {
    const [nt, lead] = elect3();
    nt.isolate(3);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    expect(lead.leadTransferee).toBe(3);
    nt.send(m({ from: 2, to: 2, type: MsgHup, index: 1, term: 2 }));
    checkLeaderTransferState(lead, StateFollower, 2);
  });

  it('transferee removed / demoted', () => {
    let [nt, lead] = elect3();
    nt.ignore(MsgTimeoutNow);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    expect(lead.leadTransferee).toBe(3);
    lead.applyConfChange(asV2(newConfChange({ nodeId: 3, type: ConfChangeType.ConfChangeRemoveNode })));
    checkLeaderTransferState(lead, StateLeader, 1);

    [nt, lead] = elect3();
    nt.ignore(MsgTimeoutNow);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    expect(lead.leadTransferee).toBe(3);
    lead.applyConfChange({
      transition: 0,
      changes: [
        { type: ConfChangeType.ConfChangeRemoveNode, nodeId: 3 },
        { type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: 3 },
      ],
    });
    lead.applyConfChange({ transition: 0, changes: [] });
    checkLeaderTransferState(lead, StateLeader, 1);
  });

  it('back to self, to another node, second to the same node', () => {
    let [nt, lead] = elect3();
    nt.isolate(3);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    nt.send(m({ from: 1, to: 1, type: MsgTransferLeader }));
    checkLeaderTransferState(lead, StateLeader, 1);

    [nt, lead] = elect3();
    nt.isolate(3);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    nt.send(m({ from: 2, to: 1, type: MsgTransferLeader }));
    checkLeaderTransferState(lead, StateFollower, 2);

    [nt, lead] = elect3();
    nt.isolate(3);
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    for (let i = 0; i < lead.heartbeatTimeout; i++) lead.tick();
    nt.send(m({ from: 3, to: 1, type: MsgTransferLeader }));
    for (let i = 0; i < lead.electionTimeout - lead.heartbeatTimeout; i++) lead.tick();
    checkLeaderTransferState(lead, StateLeader, 1);
  });

  it('non-member ignores MsgTimeoutNow', () => {
    const r = newTestRaft(1, 5, 1, newTestMemoryStorage({ peers: [2, 3, 4] }));
    r.step(m({ from: 2, to: 1, type: MsgTimeoutNow }));
    r.step(m({ from: 2, to: 1, type: MsgVoteResp }));
    r.step(m({ from: 3, to: 1, type: MsgVoteResp }));
    expect(r.state).toBe(StateFollower);
  });
});
