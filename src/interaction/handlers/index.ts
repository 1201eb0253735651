// The directive table of the interaction environment.
import type { DirectiveData } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { handleAddNodes } from './add-nodes.js';
import { handleBreakpoint } from './breakpoint.js';
import { handleCampaign } from './campaign.js';
import { handleCompact } from './compact.js';
import { handleDeliverMsgs } from './deliver-msgs.js';
import { handleForgetLeader } from './forget-leader.js';
import { handleLogLevel } from './log-level.js';
import { handleProcessAppendThread } from './process-append-thread.js';
import { handleProcessApplyThread } from './process-apply-thread.js';
import { handleProcessReady } from './process-ready.js';
import { handlePropose } from './propose.js';
import { handleProposeConfChange } from './propose-conf-change.js';
import { handleRaftLog } from './raft-log.js';
import { handleRaftState } from './raft-state.js';
import { handleReportUnreachable } from './report-unreachable.js';
import { handleSendSnapshot } from './send-snapshot.js';
import { handleSetRandomizedElectionTimeout } from './set-randomized-election-timeout.js';
import { handleStabilize } from './stabilize.js';
import { handleStatus } from './status.js';
import { handleTickElection, handleTickHeartbeat } from './tick.js';
import { handleTransferLeadership } from './transfer-leadership.js';

/** A directive handler: an Error is output (as Go's harness does); script errors throw. */
export type Handler = (env: InteractionEnv, d: DirectiveData) => Error | null;

/** A command: its handler and the shape of its arguments, for validation and help. */
export interface Command {
  name: string;
  handler: Handler;
  /** Positional arguments (keys without values), as shown in help. */
  usage: string;
  /**
   * How many positional arguments it takes. Only the maximum is checked
   * here: the handlers report a missing argument themselves (with Go's
   * message where Go's answer is output).
   */
  positional: { min: number; max: number };
  /** Option keys (key=value). */
  options: readonly string[];
  /**
   * Unknown options are output rather than script errors: Go's
   * propose-conf-change answers them with `unknown command <key>`.
   */
  unknownOptionsAreOutput?: boolean;
  /** Whether the command reads input lines after the directive. */
  takesInput: boolean;
  summary: string;
  example: string;
}

const ANY = Number.POSITIVE_INFINITY;

const table: Command[] = [
  {
    name: 'add-nodes',
    handler: handleAddNodes,
    usage: '<count>',
    positional: { min: 1, max: 1 },
    options: [
      'voters', 'learners', 'index', 'content', 'inflight', 'async-storage-writes', 'prevote', 'checkquorum',
      'read-only', 'max-committed-size-per-ready', 'disable-conf-change-validation', 'step-down-on-removal',
    ],
    takesInput: false,
    summary: 'Create nodes; with voters/learners and index > 1 they start from a snapshot at that index.',
    example: 'add-nodes 3 voters=(1,2,3) index=2',
  },
  { name: 'campaign', handler: handleCampaign, usage: '<id>', positional: { min: 1, max: 1 }, options: [], takesInput: false, summary: 'Make a node campaign.', example: 'campaign 1' },
  { name: 'compact', handler: handleCompact, usage: '<id> <new-first-index>', positional: { min: 2, max: 2 }, options: [], takesInput: false, summary: "Compact a node's log.", example: 'compact 1 5' },
  {
    name: 'deliver-msgs',
    handler: handleDeliverMsgs,
    usage: '<id>...',
    positional: { min: 0, max: ANY },
    options: ['drop', 'type'],
    takesInput: false,
    summary: 'Deliver the messages in flight to the given nodes (drop= discards them instead).',
    example: 'deliver-msgs 2 type=MsgApp drop=(3)',
  },
  { name: 'process-ready', handler: handleProcessReady, usage: '<id>...', positional: { min: 0, max: ANY }, options: [], takesInput: false, summary: 'Handle the Ready of the given nodes.', example: 'process-ready 1 2' },
  { name: 'process-append-thread', handler: handleProcessAppendThread, usage: '<id>...', positional: { min: 0, max: ANY }, options: [], takesInput: false, summary: 'Run one step of the append thread (async storage writes).', example: 'process-append-thread 1' },
  { name: 'process-apply-thread', handler: handleProcessApplyThread, usage: '<id>...', positional: { min: 0, max: ANY }, options: [], takesInput: false, summary: 'Run one step of the apply thread (async storage writes).', example: 'process-apply-thread 1' },
  { name: 'log-level', handler: handleLogLevel, usage: '<DEBUG|INFO|WARN|ERROR|FATAL|NONE>', positional: { min: 1, max: 1 }, options: [], takesInput: false, summary: 'Set the log level; NONE silences everything but errors.', example: 'log-level INFO' },
  { name: 'raft-log', handler: handleRaftLog, usage: '<id>', positional: { min: 1, max: 1 }, options: [], takesInput: false, summary: 'Print the stored log of a node.', example: 'raft-log 1' },
  { name: 'raft-state', handler: handleRaftState, usage: '', positional: { min: 0, max: 0 }, options: [], takesInput: false, summary: 'Print the state of every node as that node sees it.', example: 'raft-state' },
  {
    name: 'set-randomized-election-timeout',
    handler: handleSetRandomizedElectionTimeout,
    usage: '<id>',
    positional: { min: 1, max: 1 },
    options: ['timeout'],
    takesInput: false,
    summary: 'Set the randomized election timeout of a node (until its next state change).',
    example: 'set-randomized-election-timeout 1 timeout=3',
  },
  {
    name: 'stabilize',
    handler: handleStabilize,
    usage: '[<id>...]',
    positional: { min: 0, max: ANY },
    options: ['log-level'],
    takesInput: false,
    summary: 'Process Readies, deliver messages and run storage threads until nothing is left to do.',
    example: 'stabilize log-level=INFO',
  },
  { name: 'status', handler: handleStatus, usage: '<id>', positional: { min: 1, max: 1 }, options: [], takesInput: false, summary: 'Print the progress of every peer as a node tracks it.', example: 'status 1' },
  { name: 'tick-election', handler: handleTickElection, usage: '<id>', positional: { min: 1, max: 1 }, options: [], takesInput: false, summary: 'Tick a node for an election timeout.', example: 'tick-election 1' },
  { name: 'tick-heartbeat', handler: handleTickHeartbeat, usage: '<id>', positional: { min: 1, max: 1 }, options: [], takesInput: false, summary: 'Tick a node for a heartbeat interval.', example: 'tick-heartbeat 1' },
  { name: 'transfer-leadership', handler: handleTransferLeadership, usage: '', positional: { min: 0, max: 0 }, options: ['from', 'to'], takesInput: false, summary: 'Transfer leadership from the leader to another node.', example: 'transfer-leadership from=1 to=2' },
  { name: 'forget-leader', handler: handleForgetLeader, usage: '<id>', positional: { min: 1, max: 1 }, options: [], takesInput: false, summary: 'Make a node forget its leader.', example: 'forget-leader 2' },
  { name: 'send-snapshot', handler: handleSendSnapshot, usage: '<from> <to>', positional: { min: 2, max: 2 }, options: [], takesInput: false, summary: 'Queue a snapshot message (not delivered yet).', example: 'send-snapshot 1 3' },
  { name: 'propose', handler: handlePropose, usage: '<id> <data>', positional: { min: 2, max: ANY }, options: [], takesInput: false, summary: 'Propose an entry.', example: 'propose 1 foo' },
  {
    name: 'propose-conf-change',
    handler: handleProposeConfChange,
    usage: '<id>',
    positional: { min: 1, max: 1 },
    options: ['v1', 'transition'],
    unknownOptionsAreOutput: true,
    takesInput: true,
    summary: 'Propose a conf change: the input holds the changes (v2 l3 r4 u5); empty input leaves a joint config.',
    example: 'propose-conf-change 1 transition=explicit\nv2 l3',
  },
  { name: 'report-unreachable', handler: handleReportUnreachable, usage: '<id> <unreachable-id>', positional: { min: 2, max: ANY }, options: [], takesInput: false, summary: 'Report a peer unreachable to a node.', example: 'report-unreachable 1 2' },
  { name: '_breakpoint', handler: handleBreakpoint, usage: '', positional: { min: 0, max: 0 }, options: [], takesInput: false, summary: 'Does nothing: a place for a debugger breakpoint.', example: '_breakpoint' },
];

export const commands: ReadonlyMap<string, Command> = new Map(table.map((c) => [c.name, c]));

/** The handlers by command name. */
export const handlers: ReadonlyMap<string, Handler> = new Map(table.map((c) => [c.name, c.handler]));

/**
 * What in a directive's arguments its command does not use: extra positional
 * arguments and unknown options. Go's harness silently ignores them, so they
 * change no output; they are still almost always typos, so the environment
 * reports them (as warnings, or as errors in strict mode).
 */
export function unusedArgs(c: Command, d: DirectiveData): string[] {
  const problems: string[] = [];
  let positional = 0;
  for (const arg of d.cmdArgs) {
    if (arg.vals.length === 0) {
      positional++;
      if (positional > c.positional.max) {
        problems.push(`${c.name}: unexpected argument ${arg.key} (usage: ${c.name}${c.usage ? ' ' + c.usage : ''})`);
      }
    } else if (!c.options.includes(arg.key) && !c.unknownOptionsAreOutput) {
      const known = c.options.length > 0 ? ` (options: ${c.options.join(', ')})` : ' (it takes no options)';
      problems.push(`${c.name}: unknown option ${arg.key}${known}`);
    }
  }
  return problems;
}
