import { describe, expect, it } from 'vitest';
import {
  ConfChangeType,
  EntryType,
  MessageType,
  NO_LIMIT,
  marshalConfChange,
  marshalConfChangeV2,
  newConfChange,
  newConfChangeV2,
  newConfState,
  newEntry,
  newHardState,
  newMessage,
  newSnapshot,
  confChangesFromString,
  type Entry,
} from '../../src/raftpb/index.js';
import {
  describeConfState,
  describeEntries,
  describeEntry,
  describeHardState,
  describeMessage,
  describeReady,
  describeSnapshot,
  describeSoftState,
  describeTarget,
  type EntryFormatter,
} from '../../src/raft/describe.js';
import {
  LocalAppendThread,
  LocalApplyThread,
  None,
  assertConfStatesEquivalent,
  emptyState,
  entsSize,
  extend,
  isEmptyHardState,
  isEmptySnap,
  isHardStateEqual,
  isLocalMsg,
  isLocalMsgTarget,
  isMsgFromLeader,
  isResponseMsg,
  limitSize,
  payloadSize,
  payloadsSize,
  stateTypeString,
  voteRespMsgType,
} from '../../src/raft/util.js';
import { entrySize } from '../../src/raftpb/proto.js';
import { StateType, type Ready } from '../../src/raft/ready.js';
import type { Logger } from '../../src/raft/logger.js';
import { bytesOf, byteString } from '../../src/util/bytes.js';
import { RaftPanic } from '../../src/util/panic.js';
import { sprint } from '../../src/util/gofmt.js';

const testFormatter: EntryFormatter = (data) => byteString(data).toUpperCase();

describe('DescribeEntry', () => {
  it('ports TestDescribeEntry', () => {
    const entry = newEntry({ term: 1, index: 2, type: EntryType.EntryNormal, data: bytesOf('hello\x00world') });
    expect(describeEntry(entry)).toBe('1/2 EntryNormal "hello\\x00world"');
    expect(describeEntry(entry, testFormatter)).toBe('1/2 EntryNormal HELLO\x00WORLD');
  });
  it('formats empty and absent data', () => {
    expect(describeEntry(newEntry({ term: 1, index: 11 }))).toBe('1/11 EntryNormal ""');
    expect(describeEntry(newEntry({ term: 1, index: 11, data: new Uint8Array(0) }))).toBe('1/11 EntryNormal ""');
    // a formatter returning "" leaves no trailing space
    expect(describeEntry(newEntry({ term: 1, index: 11 }), () => '')).toBe('1/11 EntryNormal');
  });
  it('formats conf changes', () => {
    const v1 = marshalConfChange(newConfChange({ type: ConfChangeType.ConfChangeAddNode, nodeId: 3 }));
    expect(describeEntry(newEntry({ term: 1, index: 10, type: EntryType.EntryConfChange, data: v1 }))).toBe(
      '1/10 EntryConfChange v3',
    );
    const v2 = marshalConfChangeV2(newConfChangeV2({ changes: confChangesFromString('v2 v3') }));
    expect(describeEntry(newEntry({ term: 1, index: 3, type: EntryType.EntryConfChangeV2, data: v2 }))).toBe(
      '1/3 EntryConfChangeV2 v2 v3',
    );
    // the empty V2 change (leave joint) has no description
    expect(describeEntry(newEntry({ term: 1, index: 11, type: EntryType.EntryConfChangeV2 }))).toBe(
      '1/11 EntryConfChangeV2',
    );
    const v2l = marshalConfChangeV2(newConfChangeV2({ changes: confChangesFromString('l2 r1 u4') }));
    expect(describeEntry(newEntry({ term: 3, index: 8, type: EntryType.EntryConfChangeV2, data: v2l }))).toBe(
      '3/8 EntryConfChangeV2 l2 r1 u4',
    );
    // the formatter is not used for conf changes
    expect(describeEntry(newEntry({ term: 1, index: 10, type: EntryType.EntryConfChange, data: v1 }), () => 'X')).toBe(
      '1/10 EntryConfChange v3',
    );
  });
  it('shows decoding errors', () => {
    expect(
      describeEntry(newEntry({ term: 1, index: 2, type: EntryType.EntryConfChange, data: new Uint8Array([0x08]) })),
    ).toBe('1/2 EntryConfChange unexpected EOF');
    expect(
      describeEntry(newEntry({ term: 1, index: 2, type: EntryType.EntryConfChangeV2, data: new Uint8Array([0x0c]) })),
    ).toBe('1/2 EntryConfChangeV2 proto: ConfChangeV2: wiretype end group for non-group');
  });
  it('unknown entry types print their number', () => {
    expect(describeEntry(newEntry({ term: 1, index: 2, type: 7 as EntryType }))).toBe('1/2 7');
  });
  it('DescribeEntries', () => {
    expect(describeEntries([])).toBe('');
    expect(describeEntries([newEntry({ term: 1, index: 1 }), newEntry({ term: 1, index: 2, data: bytesOf('a') })])).toBe(
      '1/1 EntryNormal ""\n1/2 EntryNormal "a"\n',
    );
  });
});

describe('Describe states', () => {
  it('HardState', () => {
    expect(describeHardState(newHardState({ term: 1, vote: 2, commit: 2 }))).toBe('Term:1 Vote:2 Commit:2');
    expect(describeHardState(newHardState({ term: 1, commit: 10 }))).toBe('Term:1 Commit:10');
  });
  it('SoftState', () => {
    expect(describeSoftState({ lead: 0, raftState: StateType.StateCandidate })).toBe('Lead:0 State:StateCandidate');
    expect(describeSoftState({ lead: 1, raftState: StateType.StateLeader })).toBe('Lead:1 State:StateLeader');
  });
  it('ConfState and Snapshot', () => {
    const cs = newConfState({ voters: [1, 2, 3, 5, 7], votersOutgoing: [1, 2, 3, 5], learners: [4, 6] });
    expect(describeConfState(cs)).toBe(
      'Voters:[1 2 3 5 7] VotersOutgoing:[1 2 3 5] Learners:[4 6] LearnersNext:[] AutoLeave:false',
    );
    expect(describeSnapshot(newSnapshot({ metadata: { confState: cs, index: 13, term: 4 } }))).toBe(
      'Index:13 Term:4 ConfState:Voters:[1 2 3 5 7] VotersOutgoing:[1 2 3 5] Learners:[4 6] LearnersNext:[] AutoLeave:false',
    );
    expect(describeConfState(newConfState({ learnersNext: [4], autoLeave: true }))).toBe(
      'Voters:[] VotersOutgoing:[] Learners:[] LearnersNext:[4] AutoLeave:true',
    );
  });
});

describe('DescribeMessage', () => {
  it('targets', () => {
    expect(describeTarget(None)).toBe('None');
    expect(describeTarget(LocalAppendThread)).toBe('AppendThread');
    expect(describeTarget(LocalApplyThread)).toBe('ApplyThread');
    expect(describeTarget(1)).toBe('1');
    expect(describeTarget(26)).toBe('1a');
  });
  it('simple messages', () => {
    expect(describeMessage(newMessage({ type: MessageType.MsgVote, from: 1, to: 2, term: 1, logTerm: 1, index: 10 }))).toBe(
      '1->2 MsgVote Term:1 Log:1/10',
    );
    expect(
      describeMessage(
        newMessage({ type: MessageType.MsgAppResp, from: 1, to: 3, term: 2, logTerm: 1, index: 6, reject: true, rejectHint: 4 }),
      ),
    ).toBe('1->3 MsgAppResp Term:2 Log:1/6 Rejected (Hint: 4)');
    expect(
      describeMessage(
        newMessage({
          type: MessageType.MsgApp,
          from: 1,
          to: 2,
          term: 1,
          logTerm: 1,
          index: 10,
          commit: 10,
          entries: [newEntry({ term: 1, index: 11 })],
        }),
      ),
    ).toBe('1->2 MsgApp Term:1 Log:1/10 Commit:10 Entries:[1/11 EntryNormal ""]');
    expect(describeMessage(newMessage({ type: 99 as MessageType }))).toBe('None->None 99 Term:0 Log:0/0');
  });
  it('multiple entries', () => {
    const m = newMessage({
      type: MessageType.MsgApp,
      from: 1,
      to: 2,
      term: 1,
      logTerm: 1,
      index: 11,
      commit: 11,
      entries: [newEntry({ term: 1, index: 12, data: bytesOf('prop_1') }), newEntry({ term: 1, index: 13, data: bytesOf('prop_2') })],
    });
    expect(describeMessage(m)).toBe(
      '1->2 MsgApp Term:1 Log:1/11 Commit:11 Entries:[\n  1/12 EntryNormal "prop_1"\n  1/13 EntryNormal "prop_2"\n]',
    );
  });
  it('snapshots', () => {
    const m = newMessage({
      type: MessageType.MsgSnap,
      from: 2,
      to: 1,
      term: 2,
      snapshot: newSnapshot({ metadata: { confState: newConfState({ voters: [1, 2, 3] }), index: 4, term: 1 } }),
    });
    expect(describeMessage(m)).toBe(
      '2->1 MsgSnap Term:2 Log:0/0\n  Snapshot: Index:4 Term:1 ConfState:Voters:[1 2 3] VotersOutgoing:[] Learners:[] LearnersNext:[] AutoLeave:false',
    );
    // an empty snapshot is not shown
    expect(describeMessage(newMessage({ type: MessageType.MsgSnap, from: 2, to: 1, snapshot: newSnapshot() }))).toBe(
      '2->1 MsgSnap Term:0 Log:0/0',
    );
  });
  it('storage messages with responses', () => {
    const m = newMessage({
      type: MessageType.MsgStorageAppend,
      from: 1,
      to: LocalAppendThread,
      entries: [newEntry({ term: 1, index: 11 })],
      responses: [
        newMessage({ type: MessageType.MsgAppResp, from: 1, to: 1, term: 1, index: 11 }),
        newMessage({ type: MessageType.MsgStorageAppendResp, from: LocalAppendThread, to: 1, term: 1, logTerm: 1, index: 11 }),
      ],
    });
    expect(describeMessage(m)).toBe(
      '1->AppendThread MsgStorageAppend Term:0 Log:0/0 Entries:[1/11 EntryNormal ""] Responses:[\n' +
        '  1->1 MsgAppResp Term:1 Log:0/11\n' +
        '  AppendThread->1 MsgStorageAppendResp Term:1 Log:1/11\n' +
        ']',
    );
    const apply = newMessage({
      type: MessageType.MsgStorageApply,
      from: 2,
      to: LocalApplyThread,
      entries: [newEntry({ term: 1, index: 11 })],
      responses: [
        newMessage({ type: MessageType.MsgStorageApplyResp, from: LocalApplyThread, to: 2, entries: [newEntry({ term: 1, index: 11 })] }),
      ],
    });
    expect(describeMessage(apply)).toBe(
      '2->ApplyThread MsgStorageApply Term:0 Log:0/0 Entries:[1/11 EntryNormal ""] Responses:[\n' +
        '  ApplyThread->2 MsgStorageApplyResp Term:0 Log:0/0 Entries:[1/11 EntryNormal ""]\n' +
        ']',
    );
    // nested multi-entry and snapshot lines are indented with the response
    const nested = newMessage({
      type: MessageType.MsgStorageAppend,
      from: 1,
      to: LocalAppendThread,
      responses: [
        newMessage({
          type: MessageType.MsgStorageAppendResp,
          from: LocalAppendThread,
          to: 1,
          entries: [newEntry({ term: 1, index: 1 }), newEntry({ term: 1, index: 2 })],
          snapshot: newSnapshot({ metadata: { confState: newConfState({ voters: [1] }), index: 3, term: 1 } }),
        }),
      ],
    });
    expect(describeMessage(nested)).toBe(
      '1->AppendThread MsgStorageAppend Term:0 Log:0/0 Responses:[\n' +
        '  AppendThread->1 MsgStorageAppendResp Term:0 Log:0/0 Entries:[\n' +
        '    1/1 EntryNormal ""\n' +
        '    1/2 EntryNormal ""\n' +
        '  ]\n' +
        '    Snapshot: Index:3 Term:1 ConfState:Voters:[1] VotersOutgoing:[] Learners:[] LearnersNext:[] AutoLeave:false\n' +
        ']',
    );
  });
});

function emptyReady(): Ready {
  return {
    hardState: newHardState(),
    readStates: [],
    entries: [],
    snapshot: newSnapshot(),
    committedEntries: [],
    messages: [],
    mustSync: false,
  };
}

describe('DescribeReady', () => {
  it('empty', () => {
    expect(describeReady(emptyReady())).toBe('<empty Ready>');
  });
  it('full', () => {
    const rd: Ready = {
      softState: { lead: 0, raftState: StateType.StateCandidate },
      hardState: newHardState({ term: 1, vote: 1, commit: 10 }),
      readStates: [
        { index: 12, requestCtx: bytesOf('hi') },
        { index: 13, requestCtx: new Uint8Array(0) },
      ],
      entries: [newEntry({ term: 1, index: 11 })],
      snapshot: newSnapshot({ metadata: { confState: newConfState({ voters: [2, 3], learners: [1] }), index: 16, term: 3 } }),
      committedEntries: [newEntry({ term: 1, index: 10, data: bytesOf('x') })],
      messages: [
        newMessage({ type: MessageType.MsgVote, from: 1, to: 2, term: 1, logTerm: 1, index: 10 }),
        newMessage({ type: MessageType.MsgVote, from: 1, to: 3, term: 1, logTerm: 1, index: 10 }),
      ],
      mustSync: true,
    };
    expect(describeReady(rd)).toBe(
      'Ready MustSync=true:\n' +
        'Lead:0 State:StateCandidate\n' +
        'HardState Term:1 Vote:1 Commit:10\n' +
        'ReadStates [{12 [104 105]} {13 []}]\n' +
        'Entries:\n' +
        '1/11 EntryNormal ""\n' +
        'Snapshot Index:16 Term:3 ConfState:Voters:[2 3] VotersOutgoing:[] Learners:[1] LearnersNext:[] AutoLeave:false\n' +
        'CommittedEntries:\n' +
        '1/10 EntryNormal "x"\n' +
        'Messages:\n' +
        '1->2 MsgVote Term:1 Log:1/10\n' +
        '1->3 MsgVote Term:1 Log:1/10\n',
    );
    expect(describeReady({ ...emptyReady(), committedEntries: [newEntry({ term: 1, index: 1, data: bytesOf('a') })] }, testFormatter)).toBe(
      'Ready MustSync=false:\nCommittedEntries:\n1/1 EntryNormal A\n',
    );
  });
});

describe('util.go helpers', () => {
  it('ports TestLimitSize', () => {
    const ents: Entry[] = [newEntry({ index: 4, term: 4 }), newEntry({ index: 5, term: 5 }), newEntry({ index: 6, term: 6 })];
    const s = ents.map(entrySize);
    const cases: Array<[number, number]> = [
      [NO_LIMIT, 3],
      [0, 1],
      [s[0]! + s[1]!, 2],
      [s[0]! + s[1]! + Math.floor(s[2]! / 2), 2],
      [s[0]! + s[1]! + s[2]! - 1, 2],
      [s[0]! + s[1]! + s[2]!, 3],
    ];
    for (const [maxSize, want] of cases) {
      const got = limitSize(ents, maxSize);
      expect(got).toEqual(ents.slice(0, want));
      expect(got.length === 1 || entsSize(got) <= maxSize).toBe(true);
    }
    expect(limitSize([], 0)).toEqual([]);
    expect(ents.length).toBe(3);
  });

  it('ports TestIsLocalMsg', () => {
    const local = new Set<number>([
      MessageType.MsgHup,
      MessageType.MsgBeat,
      MessageType.MsgUnreachable,
      MessageType.MsgSnapStatus,
      MessageType.MsgCheckQuorum,
      MessageType.MsgStorageAppend,
      MessageType.MsgStorageAppendResp,
      MessageType.MsgStorageApply,
      MessageType.MsgStorageApplyResp,
    ]);
    for (let t = 0; t <= MessageType.MsgStorageApplyResp; t++) {
      expect(isLocalMsg(t), `type ${t}`).toBe(local.has(t));
    }
    expect(isLocalMsg(MessageType.MsgForgetLeader)).toBe(false);
    expect(isLocalMsg(1000)).toBe(false);
  });

  it('ports TestIsResponseMsg', () => {
    const resp = new Set<number>([
      MessageType.MsgUnreachable,
      MessageType.MsgAppResp,
      MessageType.MsgVoteResp,
      MessageType.MsgHeartbeatResp,
      MessageType.MsgReadIndexResp,
      MessageType.MsgPreVoteResp,
      MessageType.MsgStorageAppendResp,
      MessageType.MsgStorageApplyResp,
    ]);
    for (let t = 0; t <= MessageType.MsgStorageApplyResp; t++) {
      expect(isResponseMsg(t), `type ${t}`).toBe(resp.has(t));
    }
    expect(isResponseMsg(1000)).toBe(false);
  });

  it('ports TestPayloadSizeOfEmptyEntry', () => {
    expect(payloadSize(newEntry())).toBe(0);
    expect(payloadSize(newEntry({ data: bytesOf('abc') }))).toBe(3);
    expect(payloadsSize([newEntry({ data: bytesOf('ab') }), newEntry(), newEntry({ data: bytesOf('c') })])).toBe(3);
  });

  it('targets and vote responses', () => {
    expect(isLocalMsgTarget(LocalAppendThread)).toBe(true);
    expect(isLocalMsgTarget(LocalApplyThread)).toBe(true);
    expect(isLocalMsgTarget(1)).toBe(false);
    expect(isLocalMsgTarget(Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(LocalApplyThread < LocalAppendThread).toBe(true);
    expect(Number.MAX_SAFE_INTEGER < LocalApplyThread).toBe(true);
    expect(voteRespMsgType(MessageType.MsgVote)).toBe(MessageType.MsgVoteResp);
    expect(voteRespMsgType(MessageType.MsgPreVote)).toBe(MessageType.MsgPreVoteResp);
    expect(() => voteRespMsgType(MessageType.MsgApp)).toThrow(new RaftPanic('not a vote message: MsgApp'));
    expect(isMsgFromLeader(MessageType.MsgApp)).toBe(true);
    expect(isMsgFromLeader(MessageType.MsgHeartbeat)).toBe(true);
    expect(isMsgFromLeader(MessageType.MsgSnap)).toBe(true);
    expect(isMsgFromLeader(MessageType.MsgVote)).toBe(false);
  });

  it('hard state and snapshot emptiness (node_test)', () => {
    expect(isHardStateEqual(newHardState({ term: 1, vote: 1, commit: 1 }), emptyState)).toBe(false);
    expect(isEmptyHardState(newHardState({ vote: 1 }))).toBe(false);
    expect(isEmptyHardState(newHardState({ commit: 1 }))).toBe(false);
    expect(isEmptyHardState(newHardState({ term: 1 }))).toBe(false);
    expect(isEmptyHardState(emptyState)).toBe(true);
    expect(isEmptySnap(newSnapshot())).toBe(true);
    expect(isEmptySnap(newSnapshot({ metadata: { index: 1 } }))).toBe(false);
  });

  it('extend', () => {
    const a = [newEntry({ index: 1 })];
    const b = [newEntry({ index: 2 }), newEntry({ index: 3 })];
    const c = extend(a, b);
    expect(c.map((e) => e.index)).toEqual([1, 2, 3]);
    expect(a.length).toBe(1);
    expect(extend([], b)).not.toBe(b);
    expect(extend([], b)).toEqual(b);
  });

  it('stateTypeString', () => {
    expect(stateTypeString(StateType.StateFollower)).toBe('StateFollower');
    expect(stateTypeString(StateType.StatePreCandidate)).toBe('StatePreCandidate');
  });

  it('assertConfStatesEquivalent panics through the logger', () => {
    const logged: string[] = [];
    const logger = {
      panic(...v: unknown[]): never {
        logged.push(sprint(...v));
        throw new RaftPanic(sprint(...v));
      },
    } as unknown as Logger;
    assertConfStatesEquivalent(logger, newConfState({ voters: [2, 1] }), newConfState({ voters: [1, 2] }));
    expect(logged).toEqual([]);
    expect(() => assertConfStatesEquivalent(logger, newConfState({ voters: [1] }), newConfState())).toThrow(
      /^ConfStates not equivalent after sorting:/,
    );
    expect(logged.length).toBe(1);
  });
});
