// Argument parsing for the interaction directives. Where Go's harness calls
// t.Fatal or would crash (index out of range, nil node), these throw a
// DirectiveError naming the problem; parse errors that Go returns as command
// output are produced by the handlers themselves with Go's text.
import { DirectiveError } from '../datadriven/errors.js';
import { quoteByteString } from '../util/gofmt.js';
import type { InteractionEnv } from './env.js';

/** The parts of a datadriven TestData the interaction environment reads. */
export interface DirectiveData {
  pos: string;
  cmd: string;
  cmdArgs: ReadonlyArray<{ key: string; vals: readonly string[] }>;
  input: string;
}

export type CmdArgLike = DirectiveData['cmdArgs'][number];

export function fail(msg: string): never {
  throw new DirectiveError(msg);
}

const SIGNED = /^[+-]?[0-9]+$/;
const UNSIGNED = /^[0-9]+$/;
const MAX_INT64 = 9223372036854775807n;

function syntax(fn: string, s: string): Error {
  return new Error(`strconv.${fn}: parsing ${quoteByteString(s)}: invalid syntax`);
}
function range(fn: string, s: string): Error {
  return new Error(`strconv.${fn}: parsing ${quoteByteString(s)}: value out of range`);
}
function inexact(s: string): Error {
  return new Error(`value ${s} is larger than ${Number.MAX_SAFE_INTEGER}, the largest integer raftdd represents exactly`);
}

/**
 * Go's strconv.ParseInt(s, 10, 64) (fn names the Go function in messages,
 * Atoi or ParseInt). Throws an Error with Go's message; values that are
 * valid int64 but not exact as a JS number are rejected too.
 */
export function parseGoInt(s: string, fn = 'ParseInt'): number {
  if (!SIGNED.test(s)) throw syntax(fn, s);
  const big = BigInt(s);
  if (big > MAX_INT64 || big < -MAX_INT64 - 1n) throw range(fn, s);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) throw inexact(s);
  return Number(big);
}

/** Go's strconv.ParseUint(s, 10, 64), messages as Go's. */
export function parseGoUint(s: string): number {
  if (!UNSIGNED.test(s)) throw syntax('ParseUint', s);
  const big = BigInt(s);
  if (big > 0xffffffffffffffffn) throw range('ParseUint', s);
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw inexact(s);
  return Number(big);
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
  }
  throw syntax('ParseBool', s);
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
  return scanVal(d, arg, i, parseGoUint);
}
export function scanInt(d: DirectiveData, arg: CmdArgLike, i: number): number {
  return scanVal(d, arg, i, (s) => parseGoInt(s));
}
export function scanBool(d: DirectiveData, arg: CmdArgLike, i: number): boolean {
  return scanVal(d, arg, i, parseGoBool);
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
    return parseGoInt(first.key, 'Atoi');
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
      n = parseGoInt(arg.key, 'Atoi');
    } catch (e) {
      return fail(`${d.cmd}: node ids must be integers: ${(e as Error).message}`);
    }
    idxs.push(allowMissing ? n - 1 : checkNodeIdx(env, d, n - 1));
  }
  return idxs;
}
