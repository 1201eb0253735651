// Parsing of uint64 values that come from outside (scripts, config, callers).
// Values are JS numbers; one that a number cannot hold exactly is an error,
// never rounded.

export class Uint64RangeError extends Error {}

const DECIMAL = /^[0-9]+$/;

/**
 * Parses a base-10 uint64 like Go's strconv.ParseUint(s, 10, 64), returning
 * a JS number. Throws with a message naming the input when it is not a
 * number, is out of uint64 range, or is above 2^53-1 (not exact here).
 */
export function parseUint64(s: string): number {
  if (!DECIMAL.test(s)) {
    throw new Uint64RangeError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  const big = BigInt(s);
  if (big > 0xffffffffffffffffn) {
    throw new Uint64RangeError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  }
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Uint64RangeError(
      `value ${s} is larger than ${Number.MAX_SAFE_INTEGER}, the largest integer raftdd represents exactly`,
    );
  }
  return Number(big);
}

/** Asserts that n is an exact non-negative integer (a valid uint64 here). */
export function checkUint64(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Uint64RangeError(`${what}: ${n} is not an exact unsigned integer`);
  }
  return n;
}
