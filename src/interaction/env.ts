// The interaction test environment (Go's rafttest.InteractionEnv): a set of
// RawNodes, the messages in flight between them, and one output buffer that
// is also every node's logger. Each directive of a script goes through
// handle(), which returns the text Go's harness would print.
import type { Config } from '../raft/raft.js';
import type { RawNode } from '../raft/rawnode.js';
import { setRandomizedElectionTimeout } from '../raft/rawnode.js';
import { RaftPanic } from '../util/panic.js';
import { InexactNumberError } from '../util/uint64.js';
import { type DirectiveData, fail } from './args.js';
import { OutputBuffer, RedirectLogger } from './logger.js';
import { makeRandom } from '../raft/rand.js';
import type { Node } from './node.js';
import { commands, unusedArgs } from './handlers/index.js';
import { addNodes, nodeConfigTemplate } from './handlers/add-nodes.js';
import { campaign } from './handlers/campaign.js';
import { compact } from './handlers/compact.js';
import { type Recipient, deliverMsgs } from './handlers/deliver-msgs.js';
import { forgetLeader } from './handlers/forget-leader.js';
import { logLevel } from './handlers/log-level.js';
import { processAppendThread } from './handlers/process-append-thread.js';
import { processApplyThread } from './handlers/process-apply-thread.js';
import { processReady } from './handlers/process-ready.js';
import { propose } from './handlers/propose.js';
import { proposeConfChange } from './handlers/propose-conf-change.js';
import { raftLog } from './handlers/raft-log.js';
import { raftState } from './handlers/raft-state.js';
import { sendSnapshot } from './handlers/send-snapshot.js';
import { stabilize } from './handlers/stabilize.js';
import { status } from './handlers/status.js';
import { tick } from './handlers/tick.js';
import { transferLeadership } from './handlers/transfer-leadership.js';
import type { ConfChangeI } from '../raftpb/confchange.js';
import { type Message, newSnapshot, type Snapshot } from '../raftpb/types.js';

export type { DirectiveData } from './args.js';

export interface InteractionOpts {
  /** Called with each node's Config before the node is created; must not change id or set logger. */
  onConfig?: (cfg: Config) => void;
  /** Defaults to raft's setRandomizedElectionTimeout. */
  setRandomizedElectionTimeout?: (rn: RawNode, timeout: number) => void;
  /** Seed of the environment's generator, passed to every node as Config.random (default 0). */
  seed?: number;
  /** Rounds after which `stabilize` gives up as not converging (default 10000). */
  maxStabilizeRounds?: number;
  /**
   * Arguments a command does not use (which etcd's harness ignores) are
   * script errors instead of warnings.
   */
  strictArgs?: boolean;
  /** Config defaults for every node add-nodes creates; the command's own options override them. */
  nodeDefaults?: NodeDefaults;
}

/** Node config defaults (raftdd.yaml's add-nodes section); unset fields keep Go's stub values. */
export interface NodeDefaults {
  electionTick?: number;
  heartbeatTick?: number;
  inflight?: number;
  maxInflightBytes?: number;
  maxSizePerMsg?: number;
  maxUncommittedEntriesSize?: number;
  maxCommittedSizePerReady?: number;
  asyncStorageWrites?: boolean;
  prevote?: boolean;
  checkquorum?: boolean;
  readOnly?: 'safe' | 'lease-based';
  disableProposalForwarding?: boolean;
  disableConfChangeValidation?: boolean;
  stepDownOnRemoval?: boolean;
}

export const DEFAULT_MAX_STABILIZE_ROUNDS = 10000;

export class InteractionEnv {
  readonly options: InteractionOpts;
  nodes: Node[] = [];
  /** In-flight messages, in the order they were sent. */
  messages: Message[] = [];
  readonly output: RedirectLogger;
  /** The generator every node uses for its randomized election timeout. */
  readonly random: (n: number) => number;
  readonly maxStabilizeRounds: number;

  constructor(opts: InteractionOpts = {}) {
    this.options = opts;
    this.output = new RedirectLogger(new OutputBuffer());
    this.random = makeRandom(opts.seed ?? 0);
    const max = opts.maxStabilizeRounds ?? DEFAULT_MAX_STABILIZE_ROUNDS;
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxStabilizeRounds must be a positive integer, got ${max}`);
    this.maxStabilizeRounds = max;
  }

  /**
   * Runs one directive and returns its output: `ok` if it printed nothing,
   * `unknown command` for an unknown one; errors from raft or storage are
   * part of the output (even at log level NONE). Script mistakes and raft
   * panics throw a DirectiveError.
   */
  handle(d: DirectiveData): string {
    this.output.reset();
    let err: Error | null;
    const c = commands.get(d.cmd);
    if (c === undefined) {
      err = new Error('unknown command');
    } else {
      for (const problem of unusedArgs(c, d)) {
        if (this.options.strictArgs) fail(problem);
        d.log?.(`warning: ${problem}; ignored, as etcd's harness does (--strict makes this an error)`);
      }
      try {
        err = c.handler(this, d);
      } catch (e) {
        if (e instanceof RaftPanic) fail(`${d.cmd}: raft panicked: ${e.message}`);
        if (e instanceof InexactNumberError) fail(`${d.cmd}: ${e.message}`);
        throw e;
      }
    }
    // Go would have parsed the number; printing our refusal as output would
    // record a golden file the reference never produces.
    if (err instanceof InexactNumberError) fail(`${d.cmd}: ${err.message}`);
    if (err !== null) {
      if (this.output.quiet()) return err.message;
      this.output.write(err.message);
    }
    if (this.output.length === 0) return 'ok';
    return this.output.toString();
  }

  /** Runs f with its output indented by two spaces (line by line, as bufio.Scanner splits). */
  withIndent(f: () => void): void {
    const orig = this.output.builder;
    const inner = new OutputBuffer();
    this.output.builder = inner;
    try {
      f();
    } finally {
      this.output.builder = orig;
      const s = inner.toString();
      if (s.length > 0) orig.write(indentLines(s));
    }
  }

  /** The node with the given id (1-based); undefined if there is none. */
  node(id: number): Node | undefined {
    return this.nodes[id - 1];
  }

  // Programmatic API (Go's exported InteractionEnv methods). Nodes are
  // addressed by index (id - 1); output goes to this.output; an Error result
  // is what the directive would print. Raft panics propagate as RaftPanic.

  setRandomizedElectionTimeout(idx: number, timeout: number): void {
    const f = this.options.setRandomizedElectionTimeout ?? setRandomizedElectionTimeout;
    f(this.nodes[idx]!.rawNode, timeout);
  }

  /** Adds n nodes from cfg (default: the stub with the node defaults) and snap (default: none). */
  addNodes(n: number, cfg: Config = nodeConfigTemplate(this.options.nodeDefaults), snap: Snapshot = newSnapshot()): Error | null {
    return addNodes(this, n, cfg, snap);
  }
  campaign(idx: number): Error | null {
    return campaign(this, idx);
  }
  compact(idx: number, newFirstIndex: number): Error | null {
    return compact(this, idx, newFirstIndex);
  }
  /** Delivers or drops messages of type typ (-1: all) per recipient; returns how many were handled. */
  deliverMsgs(typ: number, ...rs: Recipient[]): number {
    return deliverMsgs(this, typ, rs);
  }
  processReady(idx: number): Error | null {
    return processReady(this, idx);
  }
  processAppendThread(idx: number): Error | null {
    return processAppendThread(this, idx);
  }
  processApplyThread(idx: number): Error | null {
    return processApplyThread(this, idx);
  }
  logLevel(name: string): Error | null {
    return logLevel(this, name);
  }
  raftLog(idx: number): Error | null {
    return raftLog(this, idx);
  }
  raftState(): Error | null {
    return raftState(this);
  }
  /** Runs the stabilize loop on the given nodes (all if none). */
  stabilize(...idxs: number[]): Error | null {
    return stabilize(this, idxs);
  }
  status(idx: number): Error | null {
    return status(this, idx);
  }
  tick(idx: number, num: number): Error | null {
    return tick(this, idx, num);
  }
  /** from and to are node ids. */
  transferLeadership(from: number, to: number): Error | null {
    return transferLeadership(this, from, to);
  }
  forgetLeader(idx: number): void {
    forgetLeader(this, idx);
  }
  sendSnapshot(fromIdx: number, toIdx: number): Error | null {
    return sendSnapshot(this, fromIdx, toIdx);
  }
  propose(idx: number, data: Uint8Array): Error | null {
    return propose(this, idx, data);
  }
  proposeConfChange(idx: number, cc: ConfChangeI): Error | null {
    return proposeConfChange(this, idx, cc);
  }
}

/** "  " + line + "\n" for every line of s; a trailing \r of a line is dropped. */
export function indentLines(s: string): string {
  if (s.length === 0) return '';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  if (!body.includes('\r')) return '  ' + body.replaceAll('\n', '\n  ') + '\n';
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return '  ' + lines.join('\n  ') + '\n';
}
