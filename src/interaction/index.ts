// The interaction test environment (port of etcd raft's rafttest package).
export {
  InteractionEnv,
  DEFAULT_MAX_STABILIZE_ROUNDS,
  indentLines,
  type InteractionOpts,
  type NodeDefaults,
  type DirectiveData,
} from './env.js';
export { Node, SnapOverrideStorage, defaultEntryFormatter } from './node.js';
export { RedirectLogger, OutputBuffer, LogLevel, lvlNames } from './logger.js';
export { AppliedState } from './applied.js';
export { makeRandom } from '../raft/rand.js';
export { commands, handlers, unusedArgs, type Command, type Handler } from './handlers/index.js';
export { raftConfigStub, nodeConfigTemplate } from './handlers/add-nodes.js';
export { splitMsgs, type Recipient } from './handlers/deliver-msgs.js';
