// uint64 values are JS numbers here; one that a number cannot hold exactly
// is an error, never rounded. Parsing them from text is parseUint64 in
// strconv.ts.

/** Thrown for a uint64 that is malformed or not exact as a number. */
export class Uint64RangeError extends Error {}

/**
 * A number Go accepts that a JS number cannot hold exactly (beyond 2^53-1).
 * Never an output the reference would print: environments turn it into a
 * script error even where a Go parse error would be output.
 */
export class InexactNumberError extends Uint64RangeError {
  override name = 'InexactNumberError';
}

/** Asserts that n is an exact non-negative integer (a valid uint64 here). */
export function checkUint64(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Uint64RangeError(`${what}: ${n} is not an exact unsigned integer`);
  }
  return n;
}
