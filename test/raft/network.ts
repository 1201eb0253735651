// Port of raft_test.go's in-memory test network and raft test helpers.
import { MessageType, newConfState, newEntry, type Entry, type Message } from '../../src/raftpb/types.js';
import { Raft, type Config } from '../../src/raft/raft.js';
import { MemoryStorage, type Storage } from '../../src/raft/storage.js';
import { makeProgressTracker, Progress } from '../../src/tracker/index.js';
import { NO_LIMIT } from '../../src/raftpb/types.js';
import { quietLogger } from './helpers.js';

export interface StateMachine {
  step(m: Message): Error | null;
  readMessages(): Message[];
  advanceMessagesAfterAppend(): void;
}

/** Steps self-addressed messages, queueing the rest on r.msgs. */
export function stepOrSend(r: Raft, msgs: Message[]): Error | null {
  for (const m of msgs) {
    if (m.to === r.id) {
      const err = r.step(m);
      if (err !== null) return err;
    } else {
      r.msgs.push(m);
    }
  }
  return null;
}

export function takeMessagesAfterAppend(r: Raft): Message[] {
  const msgs = r.msgsAfterAppend;
  r.msgsAfterAppend = [];
  return msgs;
}

export function advanceMessagesAfterAppend(r: Raft): void {
  for (;;) {
    const msgs = takeMessagesAfterAppend(r);
    if (msgs.length === 0) break;
    stepOrSend(r, msgs);
  }
}

export function readMessages(r: Raft): Message[] {
  advanceMessagesAfterAppend(r);
  const msgs = r.msgs;
  r.msgs = [];
  return msgs;
}

/** A Raft as a network peer. */
export class RaftPeer implements StateMachine {
  constructor(readonly r: Raft) {}
  step(m: Message): Error | null {
    return this.r.step(m);
  }
  readMessages(): Message[] {
    return readMessages(this.r);
  }
  advanceMessagesAfterAppend(): void {
    advanceMessagesAfterAppend(this.r);
  }
}

export class BlackHole implements StateMachine {
  step(): Error | null {
    return null;
  }
  readMessages(): Message[] {
    return [];
  }
  advanceMessagesAfterAppend(): void {}
}

export const nopStepper = new BlackHole();

/** Appliable entries, after persisting the unstable ones to s. */
export function nextEnts(r: Raft, s: MemoryStorage): Entry[] {
  s.append(r.raftLog.nextUnstableEnts());
  r.raftLog.stableTo(r.raftLog.lastEntryID());
  advanceMessagesAfterAppend(r);
  const ents = r.raftLog.nextCommittedEnts(true);
  r.raftLog.appliedTo(r.raftLog.committed, 0);
  return ents;
}

export function mustAppendEntry(r: Raft, ...ents: Entry[]): void {
  if (!r.appendEntry(ents)) throw new Error('entry unexpectedly dropped');
}

export function idsBySize(size: number): number[] {
  return Array.from({ length: size }, (_, i) => i + 1);
}

export function newTestConfig(id: number, election: number, heartbeat: number, storage: Storage): Config {
  return { id, electionTick: election, heartbeatTick: heartbeat, storage, maxSizePerMsg: NO_LIMIT, maxInflightMsgs: 256, logger: quietLogger };
}

export function newTestMemoryStorage(opts: { peers?: number[]; learners?: number[] } = {}): MemoryStorage {
  const ms = new MemoryStorage();
  ms.snapshotState.metadata.confState = newConfState({ voters: opts.peers ?? [], learners: opts.learners ?? [] });
  return ms;
}

export function newTestRaft(id: number, election: number, heartbeat: number, storage: Storage): Raft {
  return new Raft(newTestConfig(id, election, heartbeat, storage));
}

export function setRandomizedElectionTimeout(r: Raft, v: number): void {
  r.randomizedElectionTimeout = v;
}

export function preVoteConfig(c: Config): void {
  c.preVote = true;
}

export function entsWithConfig(configFunc: ((c: Config) => void) | undefined, ...terms: number[]): Raft {
  const storage = new MemoryStorage();
  terms.forEach((term, i) => storage.append([newEntry({ index: i + 1, term })]));
  const cfg = newTestConfig(1, 5, 1, storage);
  configFunc?.(cfg);
  const sm = new Raft(cfg);
  sm.reset(terms[terms.length - 1]!);
  return sm;
}

export function votedWithConfig(configFunc: ((c: Config) => void) | undefined, vote: number, term: number): Raft {
  const storage = new MemoryStorage();
  storage.setHardState({ vote, term, commit: 0 });
  const cfg = newTestConfig(1, 5, 1, storage);
  configFunc?.(cfg);
  const sm = new Raft(cfg);
  sm.reset(term);
  return sm;
}

export type Peer = Raft | BlackHole | null;

export class Network {
  peers = new Map<number, StateMachine>();
  storage = new Map<number, MemoryStorage>();
  dropm = new Map<string, number>();
  ignorem = new Set<number>();
  /** Sees every outgoing message; returning false loses it. */
  msgHook: ((m: Message) => boolean) | undefined;

  constructor(configFunc: ((c: Config) => void) | undefined, peers: Peer[]) {
    const size = peers.length;
    const peerAddrs = idsBySize(size);
    peers.forEach((p, j) => {
      const id = peerAddrs[j]!;
      if (p === null) {
        const st = newTestMemoryStorage({ peers: peerAddrs });
        this.storage.set(id, st);
        const cfg = newTestConfig(id, 10, 1, st);
        configFunc?.(cfg);
        this.peers.set(id, new RaftPeer(new Raft(cfg)));
      } else if (p instanceof Raft) {
        const learners = new Set(p.trk.config.learners);
        p.id = id;
        p.trk = makeProgressTracker(p.trk.maxInflight, p.trk.maxInflightBytes);
        for (const pid of peerAddrs) {
          const pr = new Progress();
          if (learners.has(pid)) {
            pr.isLearner = true;
            p.trk.config.learners.add(pid);
          } else {
            p.trk.config.voters.incoming.add(pid);
          }
          p.trk.progress.set(pid, pr);
        }
        p.reset(p.term);
        this.peers.set(id, new RaftPeer(p));
      } else {
        this.peers.set(id, p);
      }
    });
  }

  raft(id: number): Raft {
    const p = this.peers.get(id);
    if (!(p instanceof RaftPeer)) throw new Error(`peer ${id} is not a raft`);
    return p.r;
  }

  send(...msgs: Message[]): void {
    const queue = msgs.slice();
    for (let i = 0; i < queue.length; i++) {
      const m = queue[i]!;
      const p = this.peers.get(m.to)!;
      p.step(m);
      p.advanceMessagesAfterAppend();
      for (const x of this.filter(p.readMessages())) queue.push(x);
    }
  }

  drop(from: number, to: number, perc: number): void {
    this.dropm.set(`${from}-${to}`, perc);
  }

  cut(one: number, other: number): void {
    this.drop(one, other, 2.0); // a rate of 1 or more loses every message
    this.drop(other, one, 2.0);
  }

  isolate(id: number): void {
    for (let i = 0; i < this.peers.size; i++) {
      const nid = i + 1;
      if (nid !== id) {
        this.drop(id, nid, 1.0);
        this.drop(nid, id, 1.0);
      }
    }
  }

  ignore(t: MessageType): void {
    this.ignorem.add(t);
  }

  recover(): void {
    this.dropm = new Map();
    this.ignorem = new Set();
  }

  filter(msgs: Message[]): Message[] {
    const mm: Message[] = [];
    for (const m of msgs) {
      if (this.ignorem.has(m.type)) continue;
      if (m.type === MessageType.MsgHup) throw new Error('unexpected msgHup');
      const perc = this.dropm.get(`${m.from}-${m.to}`) ?? 0;
      if (Math.random() < perc) continue;
      if (this.msgHook !== undefined && !this.msgHook(m)) continue;
      mm.push(m);
    }
    return mm;
  }
}

export function newNetwork(...peers: Peer[]): Network {
  return new Network(undefined, peers);
}

export function newNetworkWithConfig(configFunc: ((c: Config) => void) | undefined, ...peers: Peer[]): Network {
  return new Network(configFunc, peers);
}
