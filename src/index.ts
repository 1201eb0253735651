// The public API of raftdd: the Raft engine (RawNode, MemoryStorage, the
// protocol types), the datadriven runner, and the environments, so that users
// can drive raft directly or build environments of their own.
export * from './raftpb/index.js';
export * from './raft/index.js';
export * as tracker from './tracker/index.js';
export * as quorum from './quorum/index.js';
export * as confchange from './confchange/index.js';
export * as datadriven from './datadriven/index.js';
export {
  TestData,
  CmdArg,
  DirectiveError,
  parseLine,
  runFile,
  runContent,
  runTestFromString,
  walkFiles,
  type Handler,
  type RunOptions,
  type RunResult,
  type DirectiveResult,
} from './datadriven/index.js';
export { InteractionEnv, type InteractionOpts } from './interaction/env.js';
export { ReplSession, type TranscriptEntry, type StepResult } from './cli/repl-session.js';
export { createEnv, ENV_NAMES, type EnvName, type EnvOptions, type Environment } from './cli/envs.js';
export { sprintf, quoteBytes } from './util/gofmt.js';
export { bytesOf, byteString, utf8ToByteString, byteStringToUtf8 } from './util/bytes.js';
export { RaftPanic } from './util/panic.js';
