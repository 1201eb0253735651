// What each environment's commands accept, for the REPL's .help and tab
// completion. The handlers themselves live in src/interaction/handlers,
// src/quorum/env.ts and src/confchange/env.ts.
import type { EnvName } from './envs.js';

export interface CommandDoc {
  name: string;
  /** Positional arguments, as shown in help. */
  args: string;
  /** Option keys (without `=`). */
  options: string[];
  /** Whether the command reads input lines after the directive. */
  takesInput: boolean;
  summary: string;
  example: string;
}

const interaction: CommandDoc[] = [
  {
    name: 'add-nodes',
    args: '<count>',
    options: [
      'voters', 'learners', 'index', 'content', 'inflight', 'async-storage-writes', 'prevote',
      'checkquorum', 'read-only', 'max-committed-size-per-ready', 'disable-conf-change-validation',
      'step-down-on-removal',
    ],
    takesInput: false,
    summary: 'Create nodes; with voters/learners/index they are bootstrapped from a snapshot.',
    example: 'add-nodes 3 voters=(1,2,3) index=2',
  },
  { name: 'campaign', args: '<id>', options: [], takesInput: false, summary: 'Make a node campaign.', example: 'campaign 1' },
  { name: 'compact', args: '<id> <new-first-index>', options: [], takesInput: false, summary: 'Compact the log of a node.', example: 'compact 1 5' },
  {
    name: 'deliver-msgs',
    args: '<id>...',
    options: ['drop', 'type'],
    takesInput: false,
    summary: 'Deliver (or drop) the messages in flight to the given nodes.',
    example: 'deliver-msgs 2 type=MsgApp drop=(3)',
  },
  { name: 'process-ready', args: '<id>...', options: [], takesInput: false, summary: 'Handle the Ready of the given nodes.', example: 'process-ready 1 2' },
  { name: 'process-append-thread', args: '<id>...', options: [], takesInput: false, summary: 'Run one step of the append thread (async storage writes).', example: 'process-append-thread 1' },
  { name: 'process-apply-thread', args: '<id>...', options: [], takesInput: false, summary: 'Run one step of the apply thread (async storage writes).', example: 'process-apply-thread 1' },
  { name: 'log-level', args: '<DEBUG|INFO|WARN|ERROR|FATAL|NONE>', options: [], takesInput: false, summary: 'Set the log level.', example: 'log-level INFO' },
  { name: 'raft-log', args: '<id>', options: [], takesInput: false, summary: 'Print the stored log of a node.', example: 'raft-log 1' },
  { name: 'raft-state', args: '', options: [], takesInput: false, summary: 'Print the state of every node as that node sees it.', example: 'raft-state' },
  {
    name: 'set-randomized-election-timeout',
    args: '<id>',
    options: ['timeout'],
    takesInput: false,
    summary: 'Set the randomized election timeout of a node.',
    example: 'set-randomized-election-timeout 1 timeout=3',
  },
  {
    name: 'stabilize',
    args: '[<id>...]',
    options: ['log-level'],
    takesInput: false,
    summary: 'Process Readies and deliver messages until nothing is left to do.',
    example: 'stabilize log-level=INFO',
  },
  { name: 'status', args: '<id>', options: [], takesInput: false, summary: 'Print the progress a node tracks.', example: 'status 1' },
  { name: 'tick-election', args: '<id>', options: [], takesInput: false, summary: 'Tick a node for an election timeout.', example: 'tick-election 1' },
  { name: 'tick-heartbeat', args: '<id>', options: [], takesInput: false, summary: 'Tick a node for a heartbeat interval.', example: 'tick-heartbeat 1' },
  { name: 'transfer-leadership', args: '', options: ['from', 'to'], takesInput: false, summary: 'Transfer leadership.', example: 'transfer-leadership from=1 to=2' },
  { name: 'forget-leader', args: '<id>', options: [], takesInput: false, summary: 'Make a node forget its leader.', example: 'forget-leader 2' },
  { name: 'send-snapshot', args: '<from> <to>', options: [], takesInput: false, summary: 'Queue a snapshot message.', example: 'send-snapshot 1 3' },
  { name: 'propose', args: '<id> <data>', options: [], takesInput: false, summary: 'Propose an entry.', example: 'propose 1 foo' },
  {
    name: 'propose-conf-change',
    args: '<id>',
    options: ['v1', 'transition'],
    takesInput: true,
    summary: 'Propose a conf change; the input lines hold the changes (v2 l3 r4 u5).',
    example: 'propose-conf-change 1 transition=explicit\nv2 l3',
  },
  { name: 'report-unreachable', args: '<id> <unreachable-id>', options: [], takesInput: false, summary: 'Report a peer unreachable.', example: 'report-unreachable 1 2' },
  { name: '_breakpoint', args: '', options: [], takesInput: false, summary: 'Does nothing: a place for a debugger breakpoint.', example: '_breakpoint' },
];

const confchange: CommandDoc[] = [
  { name: 'simple', args: '', options: [], takesInput: true, summary: 'Apply simple changes (input: v1 l2 r3 u4).', example: 'simple\nv1' },
  { name: 'enter-joint', args: '', options: ['autoleave'], takesInput: true, summary: 'Enter a joint configuration.', example: 'enter-joint autoleave=true\nv2 v3' },
  { name: 'leave-joint', args: '', options: [], takesInput: false, summary: 'Leave the joint configuration.', example: 'leave-joint' },
];

const quorum: CommandDoc[] = [
  { name: 'committed', args: '', options: ['cfg', 'cfgj', 'idx'], takesInput: false, summary: 'Compute the committed index.', example: 'committed cfg=(1,2,3) idx=(10,20,30)' },
  { name: 'vote', args: '', options: ['cfg', 'cfgj', 'votes'], takesInput: false, summary: 'Compute the vote result.', example: 'vote cfg=(1,2,3) votes=(y,n,_)' },
];

const catalogs: Record<EnvName, CommandDoc[]> = { interaction, confchange, quorum };

export function commandCatalog(env: EnvName): CommandDoc[] {
  return catalogs[env];
}

export function findCommand(env: EnvName, name: string): CommandDoc | undefined {
  return catalogs[env].find((c) => c.name === name);
}
