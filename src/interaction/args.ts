// Argument parsing for the interaction directives. Where Go's harness calls
// t.Fatal or would crash (index out of range, nil node), these throw a
// DirectiveError naming the problem; parse errors that Go returns as command
// output are produced by the handlers themselves with Go's text.
import { DirectiveError } from '../datadriven/errors.js';
import type { Directive as DirectiveData } from '../datadriven/testdata.js';
import { atoi, parseBool, parseInt64, parseUint64 } from '../util/strconv.js';
import type { InteractionEnv } from './env.js';

// The interaction port's name for datadriven's Directive.
export type { DirectiveData };

export type CmdArgLike = DirectiveData['cmdArgs'][number];

export function fail(msg: string): never {
  throw new DirectiveError(msg);
}

function scanVal<T>(d: DirectiveData, arg: CmdArgLike, i: number, parse: (s: string) => T): T {
  const v = arg.vals[i];
  if (v === undefined) fail(`${d.cmd}: cannot scan index ${i} of key ${arg.key}`);
  try {
    return parse(v);
  } catch (e) {
    return fail(`${d.cmd}: ${arg.key}: ${(e as Error).message}`);
  }
}

export function scanUint64(d: DirectiveData, arg: CmdArgLike, i: number): number {
  return scanVal(d, arg, i, parseUint64);
}
export function scanInt(d: DirectiveData, arg: CmdArgLike, i: number): number {
  return scanVal(d, arg, i, parseInt64);
}
export function scanBool(d: DirectiveData, arg: CmdArgLike, i: number): boolean {
  return scanVal(d, arg, i, parseBool);
}

/** First argument with the given key (datadriven's TestData.Arg). */
export function findArg(d: DirectiveData, key: string): CmdArgLike | undefined {
  return d.cmdArgs.find((a) => a.key === key);
}

/**
 * datadriven's ScanArgs with a single scalar destination: the argument must
 * exist and have exactly one value.
 */
export function scanArg<T>(d: DirectiveData, key: string, parse: (s: string) => T): T {
  const arg = findArg(d, key);
  if (arg === undefined) fail(`${d.cmd}: missing argument: ${key}`);
  if (arg.vals.length !== 1) {
    fail(`${d.cmd}: ${key}: expected exactly one value, got ${arg.vals.length}`);
  }
  return scanVal(d, arg, 0, parse);
}

/** Go's firstAsInt: the key of the first argument, parsed as an int. */
export function firstAsInt(d: DirectiveData, what = 'a node id'): number {
  const first = d.cmdArgs[0];
  if (first === undefined) fail(`${d.cmd}: missing first argument (${what})`);
  try {
    return atoi(first.key);
  } catch (e) {
    return fail(`${d.cmd}: first argument must be ${what}: ${(e as Error).message}`);
  }
}

export function checkNodeIdx(env: InteractionEnv, d: DirectiveData, idx: number): number {
  if (idx < 0 || idx >= env.nodes.length) {
    const have = env.nodes.length === 0 ? 'no nodes have been added' : `node ids are 1..${env.nodes.length}`;
    fail(`${d.cmd}: node ${idx + 1} does not exist (${have})`);
  }
  return idx;
}

/** Go's firstAsNodeIdx, plus a check that the node exists. */
export function firstAsNodeIdx(env: InteractionEnv, d: DirectiveData): number {
  return checkNodeIdx(env, d, firstAsInt(d) - 1);
}

/**
 * Go's nodeIdxs: every argument without values is a node id (key=value
 * arguments are skipped); unless allowMissing, each node must exist.
 */
export function nodeIdxs(env: InteractionEnv, d: DirectiveData, allowMissing = false): number[] {
  const idxs: number[] = [];
  for (const arg of d.cmdArgs) {
    if (arg.vals.length !== 0) continue;
    let n: number;
    try {
      n = atoi(arg.key);
    } catch (e) {
      return fail(`${d.cmd}: node ids must be integers: ${(e as Error).message}`);
    }
    idxs.push(allowMissing ? n - 1 : checkNodeIdx(env, d, n - 1));
  }
  return idxs;
}

/**
 * Runs f for each node named by the directive's ids. With several nodes,
 * each one's output is indented under a `> <id> <what>` header, as Go's
 * process-ready and the storage-thread commands print it; the first error stops.
 */
export function forEachNode(
  env: InteractionEnv,
  d: DirectiveData,
  what: string,
  f: (idx: number) => Error | null,
): Error | null {
  const idxs = nodeIdxs(env, d);
  for (const idx of idxs) {
    let err: Error | null = null;
    if (idxs.length > 1) {
      env.output.write(`> ${idx + 1} ${what}\n`);
      env.withIndent(() => {
        err = f(idx);
      });
    } else {
      err = f(idx);
    }
    if (err !== null) return err;
  }
  return null;
}
