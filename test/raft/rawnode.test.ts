// A port of a subset of rawnode_test.go, plus async-storage-writes checks.
import { describe, expect, it } from 'vitest';
import {
  ConfChangeTransition,
  ConfChangeType,
  EntryType,
  MessageType,
  MessageTypeName,
  newConfChange,
  newConfChangeV2,
  newConfState,
  newEntry,
  newMessage,
  newSnapshot,
  type ConfChange,
  type ConfChangeV2,
  type ConfState,
  type Entry,
  type Message,
} from '../../src/raftpb/types.js';
import { marshalConfChange, marshalConfChangeV2, unmarshalConfChange, unmarshalConfChangeV2, entrySize } from '../../src/raftpb/proto.js';
import { asV1, asV2, enterJoint, type ConfChangeI } from '../../src/raftpb/confchange.js';
import { ErrStepLocalMsg, newRawNode, RawNode } from '../../src/raft/rawnode.js';
import { MemoryStorage } from '../../src/raft/storage.js';
import { StateType, type Ready } from '../../src/raft/ready.js';
import { isLocalMsg, isLocalMsgTarget, payloadSize, LocalAppendThread, LocalApplyThread } from '../../src/raft/util.js';
import { NO_LIMIT } from '../../src/raftpb/types.js';
import { bytes } from './helpers.js';
import { newTestConfig, newTestMemoryStorage } from './network.js';
import { validateConfig } from '../../src/raft/raft.js';

function newTestRawNode(id: number, election: number, heartbeat: number, s: MemoryStorage): RawNode {
  return newRawNode(newTestConfig(id, election, heartbeat, s));
}

function decodeCC(ent: Entry): ConfChangeI | undefined {
  if (ent.type === EntryType.EntryConfChange) return unmarshalConfChange(ent.data);
  if (ent.type === EntryType.EntryConfChangeV2) return unmarshalConfChangeV2(ent.data);
  return undefined;
}

describe('RawNode', () => {
  it('step ignores local messages', () => {
    MessageTypeName.forEach((_, i) => {
      const s = new MemoryStorage();
      s.setHardState({ term: 1, commit: 1, vote: 0 });
      s.append([newEntry({ term: 1, index: 1 })]);
      expect(s.applySnapshot(newSnapshot({ metadata: { confState: newConfState({ voters: [1] }), index: 1, term: 1 } }))).toBeNull();
      const rawNode = newTestRawNode(1, 10, 1, s);
      const msgt = i as MessageType;
      const err = rawNode.step(newMessage({ type: msgt }));
      if (isLocalMsg(msgt)) expect(err).toBe(ErrStepLocalMsg);
    });
  });

  it('config validation', () => {
    const s = new MemoryStorage();
    const cases: [object, string][] = [
      [{ id: 0 }, 'cannot use none as id'],
      [{ id: LocalAppendThread }, 'cannot use local target as id'],
      [{ heartbeatTick: 0 }, 'heartbeat tick must be greater than 0'],
      [{ electionTick: 1 }, 'election tick must be greater than heartbeat tick'],
      [{ storage: undefined }, 'storage cannot be nil'],
      [{ maxInflightMsgs: 0 }, 'max inflight messages must be greater than 0'],
      [{ maxInflightBytes: 10, maxSizePerMsg: 20 }, 'max inflight bytes must be >= max message size'],
      [{ readOnlyOption: 1 }, 'CheckQuorum must be enabled when ReadOnlyOption is ReadOnlyLeaseBased'],
    ];
    for (const [over, msg] of cases) {
      const cfg = { ...newTestConfig(1, 10, 1, s), ...over };
      expect(validateConfig(cfg)?.message).toBe(msg);
      expect(() => newRawNode({ ...newTestConfig(1, 10, 1, s), ...over })).toThrow(msg);
    }
    const ok = newTestConfig(1, 10, 1, s);
    ok.maxUncommittedEntriesSize = 0;
    ok.maxInflightBytes = 0;
    ok.maxSizePerMsg = 100;
    expect(validateConfig(ok)).toBeNull();
    expect(ok.maxUncommittedEntriesSize).toBe(NO_LIMIT);
    expect(ok.maxInflightBytes).toBe(NO_LIMIT);
    expect(ok.maxCommittedSizePerReady).toBe(100);
    expect(isLocalMsgTarget(LocalApplyThread)).toBe(true);
  });

  const ccCases: [ConfChangeI, ConfState, ConfState | undefined][] = [
    // Legacy (v1) add-node.
    [newConfChange({ type: ConfChangeType.ConfChangeAddNode, nodeId: 2 }), newConfState({ voters: [1, 2] }), undefined],
    // Single change via v2: applied directly, no joint state.
    [newConfChangeV2({ changes: [{ type: ConfChangeType.ConfChangeAddNode, nodeId: 2 }] }), newConfState({ voters: [1, 2] }), undefined],
    // Same, adding a learner.
    [newConfChangeV2({ changes: [{ type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: 2 }] }), newConfState({ voters: [1], learners: [2] }), undefined],
    // Explicit transition forces a joint config even for one change.
    [
      newConfChangeV2({ changes: [{ type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: 2 }], transition: ConfChangeTransition.ConfChangeTransitionJointExplicit }),
      newConfState({ voters: [1], votersOutgoing: [1], learners: [2] }),
      newConfState({ voters: [1], learners: [2] }),
    ],
    // Implicit transition: joint with autoLeave; the test leaves it itself.
    [
      newConfChangeV2({ changes: [{ type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: 2 }], transition: ConfChangeTransition.ConfChangeTransitionJointImplicit }),
      newConfState({ voters: [1], votersOutgoing: [1], learners: [2], autoLeave: true }),
      newConfState({ voters: [1], learners: [2] }),
    ],
    // Several changes at once (promote n2, demote n1, learner n3) need a joint config.
    [
      newConfChangeV2({
        changes: [
          { nodeId: 2, type: ConfChangeType.ConfChangeAddNode },
          { nodeId: 1, type: ConfChangeType.ConfChangeAddLearnerNode },
          { nodeId: 3, type: ConfChangeType.ConfChangeAddLearnerNode },
        ],
      }),
      newConfState({ voters: [2], votersOutgoing: [1], learners: [3], learnersNext: [1], autoLeave: true }),
      newConfState({ voters: [2], learners: [1, 3] }),
    ],
    // Same changes, explicit transition.
    [
      newConfChangeV2({
        changes: [
          { nodeId: 2, type: ConfChangeType.ConfChangeAddNode },
          { nodeId: 1, type: ConfChangeType.ConfChangeAddLearnerNode },
          { nodeId: 3, type: ConfChangeType.ConfChangeAddLearnerNode },
        ],
        transition: ConfChangeTransition.ConfChangeTransitionJointExplicit,
      }),
      newConfState({ voters: [2], votersOutgoing: [1], learners: [3], learnersNext: [1] }),
      newConfState({ voters: [2], learners: [1, 3] }),
    ],
    // Same changes, implicit transition.
    [
      newConfChangeV2({
        changes: [
          { nodeId: 2, type: ConfChangeType.ConfChangeAddNode },
          { nodeId: 1, type: ConfChangeType.ConfChangeAddLearnerNode },
          { nodeId: 3, type: ConfChangeType.ConfChangeAddLearnerNode },
        ],
        transition: ConfChangeTransition.ConfChangeTransitionJointImplicit,
      }),
      newConfState({ voters: [2], votersOutgoing: [1], learners: [3], learnersNext: [1], autoLeave: true }),
      newConfState({ voters: [2], learners: [1, 3] }),
    ],
  ];

  ccCases.forEach(([tcc, exp, exp2], k) => {
    it(`propose and conf change #${k}`, () => {
      const s = newTestMemoryStorage({ peers: [1] });
      const rawNode = newTestRawNode(1, 10, 1, s);
      rawNode.campaign();
      let proposed = false;
      let ccdata: Uint8Array | undefined;
      let cs: ConfState | undefined;
      while (cs === undefined) {
        const rd = rawNode.ready();
        s.append(rd.entries);
        for (const ent of rd.committedEntries) {
          const cc = decodeCC(ent);
          if (cc !== undefined) cs = rawNode.applyConfChange(cc);
        }
        rawNode.advance(rd);
        if (!proposed && rd.softState?.lead === rawNode.raft.id) {
          expect(rawNode.propose(bytes('somedata'))).toBeNull();
          const v1 = asV1(tcc);
          if (v1 !== undefined) {
            ccdata = marshalConfChange(v1);
            rawNode.proposeConfChange(v1);
          } else {
            const v2 = asV2(tcc);
            ccdata = marshalConfChangeV2(v2);
            rawNode.proposeConfChange(v2);
          }
          proposed = true;
        }
      }
      const lastIndex = s.lastIndex();
      const entries = s.entries(lastIndex - 1, lastIndex + 1, NO_LIMIT);
      expect(entries.length).toBe(2);
      expect(entries[0]!.data).toEqual(bytes('somedata'));
      expect(entries[1]!.type).toBe(asV1(tcc) !== undefined ? EntryType.EntryConfChange : EntryType.EntryConfChangeV2);
      expect(entries[1]!.data).toEqual(ccdata);
      expect(cs).toEqual(exp);

      const { autoLeave, ok } = enterJoint(asV2(tcc));
      const maybePlusOne = ok && autoLeave ? 1 : 0;
      expect(rawNode.raft.pendingConfIndex).toBe(lastIndex + maybePlusOne);

      let rd = rawNode.ready();
      let context: Uint8Array | undefined;
      if (!exp.autoLeave) {
        expect(rd.entries).toEqual([]);
        rawNode.advance(rd);
        if (exp2 === undefined) return;
        context = bytes('manual');
        expect(rawNode.proposeConfChange(newConfChangeV2({ context }))).toBeNull();
        rd = rawNode.ready();
      }
      expect(rd.entries.length).toBe(1);
      expect(rd.entries[0]!.type).toBe(EntryType.EntryConfChangeV2);
      const cc = unmarshalConfChangeV2(rd.entries[0]!.data);
      expect(cc.changes).toEqual([]);
      expect(cc.transition).toBe(0);
      expect(cc.context ?? new Uint8Array()).toEqual(context ?? new Uint8Array());
      cs = rawNode.applyConfChange(cc);
      expect(cs).toEqual(exp2);
      rawNode.advance(rd);
    });
  });

  it('joint auto leave after losing leadership', () => {
    const testCc = newConfChangeV2({
      changes: [{ type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: 2 }],
      transition: ConfChangeTransition.ConfChangeTransitionJointImplicit,
    });
    const expCs = newConfState({ voters: [1], votersOutgoing: [1], learners: [2], autoLeave: true });
    const exp2Cs = newConfState({ voters: [1], learners: [2] });
    const s = newTestMemoryStorage({ peers: [1] });
    const rawNode = newTestRawNode(1, 10, 1, s);
    rawNode.campaign();
    let proposed = false;
    let ccdata: Uint8Array | undefined;
    let cs: ConfState | undefined;
    while (cs === undefined) {
      const rd = rawNode.ready();
      s.append(rd.entries);
      for (const ent of rd.committedEntries) {
        if (ent.type === EntryType.EntryConfChangeV2) {
          const cc = unmarshalConfChangeV2(ent.data);
          // A higher-term response makes the leader step down first.
          rawNode.step(newMessage({ type: MessageType.MsgHeartbeatResp, from: 1, term: rawNode.raft.term + 1 }));
          cs = rawNode.applyConfChange(cc);
        }
      }
      rawNode.advance(rd);
      if (!proposed && rd.softState?.lead === rawNode.raft.id) {
        expect(rawNode.propose(bytes('somedata'))).toBeNull();
        ccdata = marshalConfChangeV2(testCc);
        rawNode.proposeConfChange(testCc);
        proposed = true;
      }
    }
    const lastIndex = s.lastIndex();
    const entries = s.entries(lastIndex - 1, lastIndex + 1, NO_LIMIT);
    expect(entries.length).toBe(2);
    expect(entries[1]!.data).toEqual(ccdata);
    expect(cs).toEqual(expCs);
    expect(rawNode.raft.pendingConfIndex).toBe(0);

    let rd = rawNode.readyWithoutAccept();
    expect(rd.entries).toEqual([]);

    rawNode.campaign();
    for (let i = 0; i < 3; i++) {
      rd = rawNode.ready();
      s.append(rd.entries);
      rawNode.advance(rd);
    }
    rd = rawNode.ready();
    s.append(rd.entries);
    expect(rd.entries.length).toBe(1);
    expect(rd.entries[0]!.type).toBe(EntryType.EntryConfChangeV2);
    const cc = unmarshalConfChangeV2(rd.entries[0]!.data);
    expect(cc.changes).toEqual([]);
    expect(rawNode.applyConfChange(cc)).toEqual(exp2Cs);
  });

  it('propose add duplicate node', () => {
    const s = newTestMemoryStorage({ peers: [1] });
    const rawNode = newTestRawNode(1, 10, 1, s);
    let rd = rawNode.ready();
    s.append(rd.entries);
    rawNode.advance(rd);
    rawNode.campaign();
    for (;;) {
      rd = rawNode.ready();
      s.append(rd.entries);
      rawNode.advance(rd);
      if (rd.softState?.lead === rawNode.raft.id) break;
    }
    const proposeConfChangeAndApply = (cc: ConfChange) => {
      rawNode.proposeConfChange(cc);
      rd = rawNode.ready();
      s.append(rd.entries);
      for (const e of rd.committedEntries) {
        if (e.type === EntryType.EntryConfChange) rawNode.applyConfChange(unmarshalConfChange(e.data));
      }
      rawNode.advance(rd);
    };
    const cc1 = newConfChange({ type: ConfChangeType.ConfChangeAddNode, nodeId: 1 });
    const ccdata1 = marshalConfChange(cc1);
    proposeConfChangeAndApply(cc1);
    proposeConfChangeAndApply(cc1);
    const cc2 = newConfChange({ type: ConfChangeType.ConfChangeAddNode, nodeId: 2 });
    const ccdata2 = marshalConfChange(cc2);
    proposeConfChangeAndApply(cc2);
    const lastIndex = s.lastIndex();
    const entries = s.entries(lastIndex - 2, lastIndex + 1, NO_LIMIT);
    expect(entries.length).toBe(3);
    expect(entries[0]!.data).toEqual(ccdata1);
    expect(entries[2]!.data).toEqual(ccdata2);
  });

  it('read index', () => {
    const msgs: Message[] = [];
    const wrs = [{ index: 1, requestCtx: bytes('somedata') }];
    const s = newTestMemoryStorage({ peers: [1] });
    const rawNode = newTestRawNode(1, 10, 1, s);
    rawNode.raft.readStates = wrs;
    expect(rawNode.hasReady()).toBe(true);
    let rd = rawNode.ready();
    expect(rd.readStates).toEqual(wrs);
    s.append(rd.entries);
    rawNode.advance(rd);
    expect(rawNode.raft.readStates).toEqual([]);
    const wrequestCtx = bytes('somedata2');
    rawNode.campaign();
    for (;;) {
      rd = rawNode.ready();
      s.append(rd.entries);
      if (rd.softState?.lead === rawNode.raft.id) {
        rawNode.advance(rd);
        rawNode.raft.stepFunc = (_r, m) => {
          msgs.push(m);
          return null;
        };
        rawNode.readIndex(wrequestCtx);
        break;
      }
      rawNode.advance(rd);
    }
    expect(msgs.length).toBe(1);
    expect(msgs[0]!.type).toBe(MessageType.MsgReadIndex);
    expect(msgs[0]!.entries[0]!.data).toEqual(wrequestCtx);
  });

  it('start (bootstrap at index 1 via snapshot)', () => {
    const entries = [newEntry({ term: 1, index: 2 }), newEntry({ term: 1, index: 3, data: bytes('foo') })];
    const storage = new MemoryStorage();
    storage.ents[0] = { ...storage.ents[0]!, index: 1 };
    expect(storage.applySnapshot(newSnapshot({ metadata: { index: 1, term: 0, confState: newConfState({ voters: [1] }) } }))).toBeNull();
    const rawNode = newTestRawNode(1, 10, 1, storage);
    expect(rawNode.hasReady()).toBe(false);
    rawNode.campaign();
    let rd = rawNode.ready();
    storage.append(rd.entries);
    rawNode.advance(rd);
    rawNode.propose(bytes('foo'));
    expect(rawNode.hasReady()).toBe(true);
    rd = rawNode.ready();
    expect(rd.entries).toEqual(entries);
    storage.append(rd.entries);
    rawNode.advance(rd);
    expect(rawNode.hasReady()).toBe(true);
    rd = rawNode.ready();
    expect(rd.entries).toEqual([]);
    expect(rd.mustSync).toBe(false);
    rawNode.advance(rd);
    expect(rd.hardState).toEqual({ term: 1, commit: 3, vote: 1 });
    expect(rd.committedEntries).toEqual(entries);
    expect(rawNode.hasReady()).toBe(false);
  });

  it('bootstrap', () => {
    const s = new MemoryStorage();
    const rn = newTestRawNode(1, 10, 1, s);
    expect(rn.bootstrap([])?.message).toBe('must provide at least one peer to Bootstrap');
    expect(rn.bootstrap([{ id: 1 }, { id: 2 }])).toBeNull();
    const rd = rn.ready();
    expect(rd.hardState).toEqual({ term: 1, vote: 0, commit: 2 });
    expect(rd.entries.map((e) => [e.index, e.term, e.type])).toEqual([
      [1, 1, EntryType.EntryConfChange],
      [2, 1, EntryType.EntryConfChange],
    ]);
    expect(rd.committedEntries.length).toBe(2);
    expect(rn.status().config.voters.ids()).toEqual(new Set([1, 2]));
    s.append(rd.entries);
    rn.advance(rd);
    expect(rn.bootstrap([{ id: 1 }])?.message).toBe("can't bootstrap a nonempty Storage");
  });

  it('restart', () => {
    const entries = [newEntry({ term: 1, index: 1 }), newEntry({ term: 1, index: 2, data: bytes('foo') })];
    const st = { term: 1, commit: 1, vote: 0 };
    const storage = newTestMemoryStorage({ peers: [1] });
    storage.setHardState(st);
    storage.append(entries);
    const rawNode = newTestRawNode(1, 10, 1, storage);
    const rd = rawNode.ready();
    expectReady(rd, { committedEntries: entries.slice(0, 1) });
    rawNode.advance(rd);
    expect(rawNode.hasReady()).toBe(false);
  });

  it('restart from snapshot', () => {
    const snap = newSnapshot({ metadata: { confState: newConfState({ voters: [1, 2] }), index: 2, term: 1 } });
    const entries = [newEntry({ term: 1, index: 3, data: bytes('foo') })];
    const s = new MemoryStorage();
    s.setHardState({ term: 1, commit: 3, vote: 0 });
    s.applySnapshot(snap);
    s.append(entries);
    const rawNode = newTestRawNode(1, 10, 1, s);
    const rd = rawNode.ready();
    expectReady(rd, { committedEntries: entries });
    rawNode.advance(rd);
    expect(rawNode.hasReady()).toBe(false);
  });

  it('status', () => {
    const s = newTestMemoryStorage({ peers: [1] });
    const rn = newTestRawNode(1, 10, 1, s);
    expect(rn.status().progress.size).toBe(0);
    expect(rn.campaign()).toBeNull();
    const rd = rn.ready();
    s.append(rd.entries);
    rn.advance(rd);
    const status = rn.status();
    expect(status.lead).toBe(1);
    expect(status.raftState).toBe(StateType.StateLeader);
    const pr = status.progress.get(1)!;
    const live = rn.raft.trk.progress.get(1)!;
    expect(pr).not.toBe(live);
    expect(pr.match).toBe(live.match);
    expect(pr.next).toBe(live.next);
    expect(pr.state).toBe(live.state);
    expect(pr.inflights).not.toBe(live.inflights);
    expect([...status.config.voters.incoming]).toEqual([1]);
    expect(status.config.voters.outgoing.size).toBe(0);
    expect(status.config.toString()).toBe(rn.raft.trk.config.toString());
    const b = rn.basicStatus();
    expect(b).toEqual({ id: 1, term: 1, vote: 1, commit: 0, lead: 1, raftState: StateType.StateLeader, applied: 0, leadTransferee: 0 });
  });

  it('commit pagination after restart', () => {
    // A storage that ignores the size hint, like Go's ignoreSizeHintMemStorage.
    class IgnoreSizeHint extends MemoryStorage {
      override entries(lo: number, hi: number, _maxSize: number): Entry[] {
        return super.entries(lo, hi, NO_LIMIT);
      }
    }
    const s = new IgnoreSizeHint();
    s.snapshotState.metadata.confState = newConfState({ voters: [1] });
    s.hardState = { term: 1, vote: 1, commit: 10 };
    s.ents = [];
    let size = 0;
    for (let i = 0; i < 10; i++) {
      const ent = newEntry({ term: 1, index: i + 1, type: EntryType.EntryNormal, data: bytes('a') });
      s.ents.push(ent);
      size += entrySize(ent);
    }
    const cfg = newTestConfig(1, 10, 1, s);
    cfg.maxSizePerMsg = size - entrySize(s.ents[s.ents.length - 1]!) - 1;
    s.ents.push(newEntry({ term: 1, index: 11, type: EntryType.EntryNormal, data: bytes('boom') }));
    const rawNode = newRawNode(cfg);
    for (let highestApplied = 0; highestApplied !== 11; ) {
      const rd = rawNode.ready();
      const n = rd.committedEntries.length;
      expect(n).not.toBe(0);
      const next = rd.committedEntries[0]!.index;
      expect(highestApplied !== 0 && highestApplied + 1 !== next).toBe(false);
      highestApplied = rd.committedEntries[n - 1]!.index;
      rawNode.advance(rd);
      rawNode.step(newMessage({ type: MessageType.MsgHeartbeat, to: 1, from: 2, term: 1, commit: 11 }));
    }
  });

  it('bounded log growth with partition', () => {
    const maxEntries = 16;
    const data = bytes('testdata');
    const maxEntrySize = maxEntries * payloadSize(newEntry({ data }));
    const s = newTestMemoryStorage({ peers: [1] });
    const cfg = newTestConfig(1, 10, 1, s);
    cfg.maxUncommittedEntriesSize = maxEntrySize;
    const rawNode = newRawNode(cfg);
    rawNode.campaign();
    for (;;) {
      const rd = rawNode.ready();
      s.append(rd.entries);
      rawNode.advance(rd);
      if (rd.committedEntries.length > 0) break;
    }
    for (let i = 0; i < 1024; i++) rawNode.propose(data);
    expect(rawNode.raft.uncommittedSize).toBe(maxEntrySize);
    let rd = rawNode.ready();
    expect(rd.entries.length).toBe(maxEntries);
    s.append(rd.entries);
    rawNode.advance(rd);
    expect(rawNode.raft.uncommittedSize).toBe(maxEntrySize);
    rd = rawNode.ready();
    expect(rd.entries).toEqual([]);
    expect(rd.committedEntries.length).toBe(maxEntries);
    rawNode.advance(rd);
    expect(rawNode.raft.uncommittedSize).toBe(0);
  });

  it('consume ready', () => {
    const s = newTestMemoryStorage({ peers: [1] });
    const rn = newTestRawNode(1, 3, 1, s);
    const m1 = newMessage({ context: bytes('foo') });
    const m2 = newMessage({ context: bytes('bar') });
    rn.raft.msgs.push(m1);
    let rd = rn.readyWithoutAccept();
    expect(rd.messages).toEqual([m1]);
    expect(rn.raft.msgs).toEqual([m1]);
    rd = rn.ready();
    expect(rn.raft.msgs).toEqual([]);
    expect(rd.messages).toEqual([m1]);
    rn.raft.msgs.push(m2);
    rn.advance(rd);
    expect(rn.raft.msgs).toEqual([m2]);
  });

  it('two Readys without advance panic', () => {
    const s = newTestMemoryStorage({ peers: [1] });
    const rn = newTestRawNode(1, 10, 1, s);
    rn.campaign();
    rn.ready();
    rn.propose(bytes('x'));
    expect(() => rn.ready()).toThrow('two accepted Ready structs without call to Advance');
  });

  it('async storage writes: local messages and ordering', () => {
    const s = newTestMemoryStorage({ peers: [1] });
    const cfg = newTestConfig(1, 10, 1, s);
    cfg.asyncStorageWrites = true;
    const rn = newRawNode(cfg);
    rn.campaign();
    // Drive a single node to leadership and apply an entry through the local threads.
    let applied = 0;
    for (let round = 0; round < 10 && applied < 2; round++) {
      if (round === 3) rn.propose(bytes('p'));
      if (!rn.hasReady()) continue;
      const rd = rn.ready();
      for (const m of rd.messages) {
        if (m.to === LocalAppendThread) {
          expect(m.type).toBe(MessageType.MsgStorageAppend);
          if (m.term !== 0 || m.commit !== 0) s.setHardState({ term: m.term, vote: m.vote, commit: m.commit });
          s.append(m.entries);
          for (const r of m.responses) {
            if (r.to === 1) rn.step(r);
          }
        } else if (m.to === LocalApplyThread) {
          expect(m.type).toBe(MessageType.MsgStorageApply);
          expect(m.responses.length).toBe(1);
          expect(m.responses[0]!.type).toBe(MessageType.MsgStorageApplyResp);
          applied += m.entries.length;
          for (const r of m.responses) rn.step(r);
        }
      }
    }
    expect(applied).toBe(2);
    expect(rn.raft.raftLog.applied).toBe(2);
    expect(() => rn.advance()).toThrow('Advance must not be called when using AsyncStorageWrites');
  });

  it('commits a long run of proposals in a 3-node cluster', () => {
    const ids = [1, 2, 3];
    const nodes = new Map<number, { rn: RawNode; s: MemoryStorage }>();
    for (const id of ids) {
      const s = newTestMemoryStorage({ peers: ids });
      const cfg = newTestConfig(id, 10, 1, s);
      cfg.maxSizePerMsg = 1024 * 1024;
      nodes.set(id, { rn: newRawNode(cfg), s });
    }
    const pump = () => {
      const q: Message[] = [];
      for (let any = true; any; ) {
        any = false;
        for (const n of nodes.values()) {
          while (n.rn.hasReady()) {
            any = true;
            const rd = n.rn.ready();
            if (rd.hardState.term !== 0) n.s.setHardState(rd.hardState);
            n.s.append(rd.entries);
            q.push(...rd.messages);
            n.rn.advance(rd);
          }
        }
        for (let i = 0; i < q.length; i++) {
          any = true;
          nodes.get(q[i]!.to)!.rn.step(q[i]!);
        }
        q.length = 0;
      }
    };
    nodes.get(1)!.rn.campaign();
    pump();
    const data = new Uint8Array(64);
    for (let i = 0; i < 5000; i++) {
      nodes.get(1)!.rn.propose(data);
      pump();
    }
    // Speed is measured by `npm run bench`, not here.
    for (const n of nodes.values()) expect(n.rn.raft.raftLog.committed).toBe(5001);
  });
});

function expectReady(rd: Ready, want: { committedEntries: Entry[] }): void {
  expect(rd.softState).toBeUndefined();
  expect(rd.hardState).toEqual({ term: 0, vote: 0, commit: 0 });
  expect(rd.entries).toEqual([]);
  expect(rd.readStates).toEqual([]);
  expect(rd.messages).toEqual([]);
  expect(rd.snapshot.metadata.index).toBe(0);
  expect(rd.committedEntries).toEqual(want.committedEntries);
  expect(rd.mustSync).toBe(false);
}
