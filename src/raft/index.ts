// Public API of the raft engine.
export * from './ready.js';
export type { Logger } from './logger.js';
export {
  DefaultLogger,
  defaultLogger,
  discardLogger,
  getLogger,
  resetDefaultLogger,
  setLogger,
} from './default_logger.js';
export { sprint } from '../util/gofmt.js';
export {
  ErrCompacted,
  ErrSnapOutOfDate,
  ErrSnapshotTemporarilyUnavailable,
  ErrUnavailable,
  MemoryStorage,
  newMemoryStorage,
  type Storage,
} from './storage.js';
export { RaftLog, newLog, newLogWithSize } from './log.js';
export { Unstable, type EntryID, type LogSlice } from './log_unstable.js';
export { ReadOnly, ReadOnlyOption, type ReadIndexStatus } from './read_only.js';
export {
  CampaignType,
  ErrProposalDropped,
  Raft,
  confChangeToMsg,
  newRaft,
  validateConfig,
  type Config,
} from './raft.js';
export {
  ErrStepLocalMsg,
  ErrStepPeerNotFound,
  ProgressType,
  RawNode,
  SnapshotStatus,
  mustSync,
  newRawNode,
  setRandomizedElectionTimeout,
} from './rawnode.js';
export { getBasicStatus, getProgressCopy, getStatus, statusJSON, statusString, type BasicStatus, type Status } from './status.js';
export { bootstrap, type Peer } from './bootstrap.js';
export { seed as seedRandom, intn as randomIntn } from './rand.js';
export * from './describe.js';
export {
  None,
  LocalAppendThread,
  LocalApplyThread,
  isEmptyHardState,
  isEmptySnap,
  isLocalMsg,
  isResponseMsg,
  isLocalMsgTarget,
  stateTypeString,
} from './util.js';
