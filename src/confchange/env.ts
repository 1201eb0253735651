// The `confchange` datadriven environment (upstream confchange/datadriven_test.go).
//
//   simple | enter-joint [autoleave=<bool>] | leave-joint
//   v1 l2 r3 u4        (make voter, make learner, remove, update)
//
// Each file starts from an empty configuration; the last index seen by the
// Changer grows by one with every directive.
import { type ConfChangeSingle, ConfChangeType } from '../raftpb/types.js';
import { quoteByteString } from '../util/gofmt.js';
import { parseUint64 } from '../util/uint64.js';
import { DirectiveError } from '../datadriven/errors.js';
import { goTrimSpace } from '../datadriven/gostr.js';
import { type Config, makeProgressTracker } from '../tracker/tracker.js';
import { type ProgressMap, progressMapString } from '../tracker/progress.js';
import { Changer } from './confchange.js';

/** The parts of a datadriven TestData this environment reads. */
export interface DirectiveData {
  pos: string;
  cmd: string;
  cmdArgs: ReadonlyArray<{ key: string; vals: readonly string[] }>;
  input: string;
}

// What upstream reports with t.Fatal: a broken directive, not an output.
function fatal(msg: string, pos?: string): never {
  throw new DirectiveError(msg, pos);
}

// strconv.ParseUint(s, 10, 64) with Go's error text.
function parseUintGo(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new Error(`strconv.ParseUint: parsing ${quoteByteString(s)}: invalid syntax`);
  if (BigInt(s) > 0xffffffffffffffffn) {
    throw new Error(`strconv.ParseUint: parsing ${quoteByteString(s)}: value out of range`);
  }
  // Valid for Go but possibly not exact as a number: parseUint64 refuses those.
  return parseUint64(s);
}

// strconv.ParseBool.
function parseBoolGo(s: string): boolean {
  switch (s) {
    case '1': case 't': case 'T': case 'TRUE': case 'true': case 'True':
      return true;
    case '0': case 'f': case 'F': case 'FALSE': case 'false': case 'False':
      return false;
  }
  throw new Error(`strconv.ParseBool: parsing ${quoteByteString(s)}: invalid syntax`);
}

function scanAutoLeave(d: DirectiveData): boolean {
  const arg = d.cmdArgs.find((a) => a.key === 'autoleave');
  if (arg === undefined) fatal('missing argument: autoleave', d.pos);
  if (arg.vals.length !== 1) {
    fatal(`${arg.key}: failed to scan argument 0: unsupported type *bool for "${arg.key}" (might be easy to add it)`, d.pos);
  }
  try {
    return parseBoolGo(arg.vals[0]!);
  } catch (e) {
    return fatal(`${arg.key}: failed to scan argument 0: ${(e as Error).message}`, d.pos);
  }
}

/** A fresh `confchange` environment: an empty configuration. */
export function createConfChangeEnv(): { handle(d: DirectiveData): string } {
  const c = new Changer(makeProgressTracker(10, 0), 0);

  const run = (d: DirectiveData): string => {
    const ccs: ConfChangeSingle[] = [];
    let toks = goTrimSpace(d.input).split(' ');
    if (toks[0] === '') toks = [];
    for (const tok of toks) {
      if (tok.length < 2) return `unknown token ${tok}`;
      let type: ConfChangeType;
      switch (tok[0]) {
        case 'v': type = ConfChangeType.ConfChangeAddNode; break;
        case 'l': type = ConfChangeType.ConfChangeAddLearnerNode; break;
        case 'r': type = ConfChangeType.ConfChangeRemoveNode; break;
        case 'u': type = ConfChangeType.ConfChangeUpdateNode; break;
        default: return `unknown input: ${tok}`;
      }
      let nodeId: number;
      try {
        nodeId = parseUintGo(tok.slice(1));
      } catch (e) {
        return (e as Error).message;
      }
      ccs.push({ type, nodeId });
    }

    // Scanned up front: a bad argument is a broken directive, not an output.
    const autoLeave = d.cmd === 'enter-joint' && d.cmdArgs.length > 0 ? scanAutoLeave(d) : false;
    let res: [Config, ProgressMap];
    try {
      switch (d.cmd) {
        case 'simple':
          res = c.simple(...ccs);
          break;
        case 'enter-joint':
          res = c.enterJoint(autoLeave, ...ccs);
          break;
        case 'leave-joint':
          if (ccs.length > 0) throw new Error('this command takes no input');
          res = c.leaveJoint();
          break;
        default:
          return 'unknown command';
      }
    } catch (e) {
      return (e as Error).message + '\n';
    }
    [c.tracker.config, c.tracker.progress] = res;
    return `${c.tracker.config.toString()}\n${progressMapString(c.tracker.progress)}`;
  };

  return {
    handle(d: DirectiveData): string {
      try {
        return run(d);
      } finally {
        c.lastIndex++;
      }
    },
  };
}
