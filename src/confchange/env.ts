// The `confchange` datadriven environment (upstream confchange/datadriven_test.go).
//
//   simple | enter-joint [autoleave=<bool>] | leave-joint
//   v1 l2 r3 u4        (make voter, make learner, remove, update)
//
// Each file starts from an empty configuration; the last index seen by the
// Changer grows by one with every directive.
import { confChangesFromString } from '../raftpb/confchange.js';
import type { ConfChangeSingle } from '../raftpb/types.js';
import { parseBool } from '../util/strconv.js';
import { InexactNumberError } from '../util/uint64.js';
import { DirectiveError } from '../datadriven/errors.js';
import type { Directive } from '../datadriven/testdata.js';
import { type Config, makeProgressTracker } from '../tracker/tracker.js';
import { type ProgressMap, progressMapString } from '../tracker/progress.js';
import { Changer } from './confchange.js';

// What upstream reports with t.Fatal: a broken directive, not an output.
function fatal(msg: string, pos?: string): never {
  throw new DirectiveError(msg, pos);
}

function scanAutoLeave(d: Directive): boolean {
  const arg = d.cmdArgs.find((a) => a.key === 'autoleave');
  if (arg === undefined) fatal('missing argument: autoleave', d.pos);
  if (arg.vals.length !== 1) {
    fatal(`${arg.key}: failed to scan argument 0: unsupported type *bool for "${arg.key}" (might be easy to add it)`, d.pos);
  }
  try {
    return parseBool(arg.vals[0]!);
  } catch (e) {
    return fatal(`${arg.key}: failed to scan argument 0: ${(e as Error).message}`, d.pos);
  }
}

/** A fresh `confchange` environment: an empty configuration. */
export function createConfChangeEnv(): { handle(d: Directive): string } {
  const c = new Changer(makeProgressTracker(10, 0), 0);

  const run = (d: Directive): string => {
    // Upstream's own copy of pb.ConfChangesFromString: a bad token is an output.
    let ccs: ConfChangeSingle[];
    try {
      ccs = confChangesFromString(d.input);
    } catch (e) {
      if (e instanceof InexactNumberError) throw new DirectiveError(`${d.cmd}: ${e.message}`);
      return (e as Error).message;
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
    handle(d: Directive): string {
      try {
        return run(d);
      } finally {
        c.lastIndex++;
      }
    },
  };
}
