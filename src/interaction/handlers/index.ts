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

export const handlers: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['_breakpoint', handleBreakpoint],
  ['add-nodes', handleAddNodes],
  ['campaign', handleCampaign],
  ['compact', handleCompact],
  ['deliver-msgs', handleDeliverMsgs],
  ['process-ready', handleProcessReady],
  ['process-append-thread', handleProcessAppendThread],
  ['process-apply-thread', handleProcessApplyThread],
  ['log-level', handleLogLevel],
  ['raft-log', handleRaftLog],
  ['raft-state', handleRaftState],
  ['set-randomized-election-timeout', handleSetRandomizedElectionTimeout],
  ['stabilize', handleStabilize],
  ['status', handleStatus],
  ['tick-election', handleTickElection],
  ['tick-heartbeat', handleTickHeartbeat],
  ['transfer-leadership', handleTransferLeadership],
  ['forget-leader', handleForgetLeader],
  ['send-snapshot', handleSendSnapshot],
  ['propose', handlePropose],
  ['propose-conf-change', handleProposeConfChange],
  ['report-unreachable', handleReportUnreachable],
]);
