// Directive arguments (`key`, `key=val`, `key=(v1, v2)`) and typed scanning.
// Failures throw DirectiveError with Go's messages; the runner adds file:line.

import { DirectiveError } from './errors.js';
import { goQuote } from './gostr.js';
import { parseBool, parseInt64, parseUint32, parseUint64 } from '../util/strconv.js';
import { parseDuration, parseFloat64 } from './strconv.js';

/**
 * What a value can be scanned as. Scalars: `int`/`int64` (signed), `uint64`,
 * `uint32`, `bool`, `float` (float64), `string`, `duration` (nanoseconds).
 * Lists take every value of the argument: `string[]`, `int[]`, `uint64[]`, `float[]`.
 */
export interface ScanKinds {
  string: string;
  int: number;
  int64: number;
  uint64: number;
  uint32: number;
  bool: boolean;
  float: number;
  duration: number;
  'string[]': string[];
  'int[]': number[];
  'uint64[]': number[];
  'float[]': number[];
}
export type ScanKind = keyof ScanKinds;
export type ScalarKind = 'string' | 'int' | 'int64' | 'uint64' | 'uint32' | 'bool' | 'float' | 'duration';

/** Result of scanning with the given kinds: one kind gives its value, several a tuple. */
export type ScanResult<K extends readonly ScanKind[]> = K extends readonly [infer One extends ScanKind]
  ? ScanKinds[One]
  : { -readonly [I in keyof K]: K[I] extends ScanKind ? ScanKinds[K[I]] : never };

// Go's %T of the destination each kind stands for (quoted in error messages).
const GO_TYPES: Record<ScanKind, string> = {
  string: '*string',
  int: '*int',
  int64: '*int64',
  uint64: '*uint64',
  uint32: '*uint32',
  bool: '*bool',
  float: '*float64',
  duration: '*time.Duration',
  'string[]': '*[]string',
  'int[]': '*[]int',
  'uint64[]': '*[]uint64',
  'float[]': '*[]float64',
};

const SCALAR_PARSERS: Record<ScalarKind, (s: string) => unknown> = {
  string: (s) => s,
  int: parseInt64,
  int64: parseInt64,
  uint64: parseUint64,
  uint32: parseUint32,
  bool: parseBool,
  float: parseFloat64,
  duration: parseDuration,
};

const LIST_PARSERS: Partial<Record<ScanKind, (s: string) => unknown>> = {
  'string[]': (s) => s,
  'int[]': parseInt64,
  'uint64[]': parseUint64,
  'float[]': parseFloat64,
};

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class CmdArg {
  key: string;
  /** Empty for a bare `key`; `key=` and `key=()` give one empty value. */
  vals: string[];

  constructor(key: string, vals: string[] = []) {
    this.key = key;
    this.vals = vals;
  }

  toString(): string {
    switch (this.vals.length) {
      case 0:
        return this.key;
      case 1:
        return `${this.key}=${this.vals[0]}`;
      default:
        return `${this.key}=(${this.vals.join(', ')})`;
    }
  }

  /** First value; throws a DirectiveError when there are none. */
  firstVal(): string {
    this.expectNumValsGE(1);
    return this.vals[0]!;
  }

  /** The only value; throws a DirectiveError unless there is exactly one. */
  singleVal(): string {
    this.expectNumVals(1);
    return this.vals[0]!;
  }

  /** Both values as a pair; throws a DirectiveError unless there are exactly two. */
  twoVals(): [string, string] {
    this.expectNumVals(2);
    return [this.vals[0]!, this.vals[1]!];
  }

  expectNumVals(num: number): void {
    if (this.vals.length !== num) {
      throw new DirectiveError(
        `argument ${goQuote(this.key)} requires ${num} values, has ${this.vals.length}`,
      );
    }
  }

  expectNumValsGE(minNum: number): void {
    if (this.vals.length < minNum) {
      throw new DirectiveError(
        `argument ${goQuote(this.key)} requires at least ${minNum} values, has ${this.vals.length}`,
      );
    }
  }

  /** Parses value i as the given scalar kind (Go's CmdArg.Scan). */
  scan<K extends ScalarKind>(i: number, kind: K): ScanKinds[K] {
    try {
      return this.scanScalar(i, kind) as ScanKinds[K];
    } catch (e) {
      throw new DirectiveError(messageOf(e));
    }
  }

  scanString(i = 0): string {
    return this.scan(i, 'string');
  }
  scanInt(i = 0): number {
    return this.scan(i, 'int');
  }
  scanInt64(i = 0): number {
    return this.scan(i, 'int64');
  }
  scanUint64(i = 0): number {
    return this.scan(i, 'uint64');
  }
  scanUint32(i = 0): number {
    return this.scan(i, 'uint32');
  }
  scanBool(i = 0): boolean {
    return this.scan(i, 'bool');
  }
  scanFloat(i = 0): number {
    return this.scan(i, 'float');
  }
  /** A Go duration such as `1m30s`, in nanoseconds. */
  scanDuration(i = 0): number {
    return this.scan(i, 'duration');
  }

  scanStrings(): string[] {
    return this.scanList('string[]');
  }
  scanInts(): number[] {
    return this.scanList('int[]');
  }
  scanUint64s(): number[] {
    return this.scanList('uint64[]');
  }
  scanFloats(): number[] {
    return this.scanList('float[]');
  }

  private scanList<K extends 'string[]' | 'int[]' | 'uint64[]' | 'float[]'>(kind: K): ScanKinds[K] {
    try {
      return this.scanAll(kind) as ScanKinds[K];
    } catch (e) {
      throw new DirectiveError(messageOf(e));
    }
  }

  /**
   * Scans with one kind per value (one kind: list kinds take every value,
   * scalar kinds need exactly one), as TestData.scanArgs does. Errors are
   * prefixed with the key and the argument index like Go's.
   */
  scanKinds<K extends readonly ScanKind[]>(kinds: K): ScanResult<K> {
    if (kinds.length === 1) {
      try {
        return this.scanAll(kinds[0]!) as ScanResult<K>;
      } catch (e) {
        throw new DirectiveError(`${this.key}: failed to scan argument 0: ${messageOf(e)}`);
      }
    }
    if (kinds.length !== this.vals.length) {
      throw new DirectiveError(
        `${this.key}: got ${kinds.length} destinations, but ${this.vals.length} values`,
      );
    }
    const out: unknown[] = [];
    for (let i = 0; i < kinds.length; i++) {
      try {
        out.push(this.scanScalar(i, kinds[i]!));
      } catch (e) {
        throw new DirectiveError(`${this.key}: failed to scan argument ${i}: ${messageOf(e)}`);
      }
    }
    return out as ScanResult<K>;
  }

  private scanAll(kind: ScanKind): unknown {
    const parse = LIST_PARSERS[kind];
    if (parse) {
      return this.vals.map((v, i) => {
        try {
          return parse(v);
        } catch (e) {
          throw new Error(`arg ${i}: ${messageOf(e)}`);
        }
      });
    }
    if (this.vals.length === 1) return this.scanScalar(0, kind);
    throw new Error(
      `unsupported type ${GO_TYPES[kind]} for ${goQuote(this.key)} (might be easy to add it)`,
    );
  }

  private scanScalar(i: number, kind: ScanKind): unknown {
    if (i < 0 || i >= this.vals.length) {
      throw new Error(`cannot scan index ${i} of key ${this.key}`);
    }
    const parse = SCALAR_PARSERS[kind as ScalarKind] as ((s: string) => unknown) | undefined;
    if (!parse) {
      throw new Error(
        `unsupported type ${GO_TYPES[kind]} for destination #${i + 1} (might be easy to add it)`,
      );
    }
    return parse(this.vals[i]!);
  }
}
