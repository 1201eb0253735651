// Public API of the datadriven port.

export { parseLine, type ParsedLine } from './parser.js';
export {
  CmdArg,
  type ScanKind,
  type ScanKinds,
  type ScalarKind,
  type ScanResult,
} from './args.js';
export { TestData, type Directive, type Handler, type Environment } from './testdata.js';
export { DirectiveError, SkipError } from './errors.js';
export { TestDataReader, readAll, type OutputBlock } from './reader.js';
export {
  runFile,
  runTest,
  runContent,
  runTestFromString,
  clearResults,
  type RunOptions,
  type RunResult,
  type RunError,
  type DirectiveResult,
} from './runner.js';
export { renderBlock, applyReplacements, writeFileAtomic, type Replacement } from './rewrite.js';
export { walk, walkFiles, listTestFiles, cutExt, isIgnoredFile, type TestFile } from './walk.js';
export {
  unifiedDiff,
  formatFailure,
  formatRunError,
  formatRunResult,
  type DiffOptions,
} from './diff.js';
export { parseInt64, parseUint32, parseUint64, parseBool } from '../util/strconv.js';
export { parseFloat64, parseDuration, formatDuration } from './strconv.js';
export { goQuote, goTrimSpace, hasBlankLine } from './gostr.js';
export { Whiteboard } from './diagram/whiteboard.js';
