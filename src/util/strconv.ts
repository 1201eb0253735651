// Go's strconv for byte strings: Quote/QuoteRune, and the integer and bool
// parsers with Go's exact error texts (scripts and etcd's harness print
// them). Parsed integers are JS numbers; a value a number cannot hold exactly
// is an error, never rounded.
import { byteString } from './bytes.js';
import { InexactNumberError, Uint64RangeError } from './uint64.js';
import { decodeRune, encodeRune, isPrintRune } from './utf8.js';

// ---------------------------------------------------------------------------
// Quote

const HEX = '0123456789abcdef';

function hexN(v: number, n: number): string {
  let s = '';
  for (let i = n - 1; i >= 0; i--) s += HEX[Math.floor(v / 16 ** i) % 16];
  return s;
}

function escapeRune(r: number, quote: number): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCharCode(r);
  switch (r) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hexN(r, 2);
  if (r < 0x10000) return '\\u' + hexN(r, 4);
  return '\\U' + hexN(r, 8);
}

function quoteWith(s: string, quote: number): string {
  let out = String.fromCharCode(quote);
  for (let i = 0; i < s.length; ) {
    const b = s.charCodeAt(i);
    if (b < 0x80) {
      if (b >= 0x20 && b < 0x7f && b !== quote && b !== 0x5c) out += s[i];
      else out += escapeRune(b, quote);
      i++;
      continue;
    }
    const [r, size] = decodeRune(s, i);
    if (size === 1) {
      // Invalid UTF-8 (a valid non-ASCII rune is at least two bytes).
      out += '\\x' + HEX[b >> 4] + HEX[b & 0xf];
    } else if (isPrintRune(r)) {
      out += s.slice(i, i + size);
    } else {
      out += escapeRune(r, quote);
    }
    i += size;
  }
  return out + String.fromCharCode(quote);
}

const SIMPLE_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const NOT_BYTE = /[^\x00-\xff]/g;

/** strconv.Quote of a byte string (Go `%q` of a string); the result is a byte string. */
export function quoteByteString(s: string): string {
  if (SIMPLE_ASCII.test(s)) return '"' + s + '"';
  // A char above 0xff (not a byte string) counts as its low byte, as in bytesOf.
  return quoteWith(s.replace(NOT_BYTE, (c) => String.fromCharCode(c.charCodeAt(0) & 0xff)), 0x22);
}

/** Go `%q` of a []byte (strconv.Quote), as a byte string; nil is `""`. */
export function quoteBytes(b: Uint8Array | undefined): string {
  if (b === undefined || b.length === 0) return '""';
  return quoteByteString(byteString(b));
}

/** Go `%q` of an integer: a single-quoted rune literal (strconv.QuoteRune). */
export function quoteRune(r: number): string {
  if (!Number.isInteger(r) || r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x80) {
    if (r >= 0x20 && r < 0x7f && r !== 0x27 && r !== 0x5c) return "'" + String.fromCharCode(r) + "'";
    return "'" + escapeRune(r, 0x27) + "'";
  }
  if (isPrintRune(r)) return "'" + encodeRune(r) + "'";
  return "'" + escapeRune(r, 0x27) + "'";
}

// ---------------------------------------------------------------------------
// Parsing

function numMessage(fn: string, s: string, why: string): string {
  return `strconv.${fn}: parsing ${quoteByteString(s)}: ${why}`;
}

/** Go's *NumError text for ErrSyntax (fn is the Go function, e.g. ParseInt). */
export function syntaxError(fn: string, s: string): Error {
  return new Error(numMessage(fn, s, 'invalid syntax'));
}

/** Go's *NumError text for ErrRange. */
export function rangeError(fn: string, s: string): Error {
  return new Error(numMessage(fn, s, 'value out of range'));
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const SIGNED = /^[+-]?[0-9]+$/;
const UNSIGNED = /^[0-9]+$/;

function tooLarge(s: string): string {
  return `value ${s} is larger than ${Number.MAX_SAFE_INTEGER}, the largest integer raftdd represents exactly`;
}

function parseSigned(s: string, fn: string): number {
  if (!SIGNED.test(s)) throw syntaxError(fn, s);
  const big = BigInt(s);
  if (big > 0x7fffffffffffffffn || big < -0x8000000000000000n) throw rangeError(fn, s);
  if (big > MAX_SAFE) throw new InexactNumberError(tooLarge(s));
  if (big < -MAX_SAFE) {
    throw new InexactNumberError(
      `value ${s} is smaller than -${Number.MAX_SAFE_INTEGER}, the smallest integer raftdd represents exactly`,
    );
  }
  return Number(big);
}

/** strconv.ParseInt(s, 10, 64), limited to exactly representable numbers. */
export function parseInt64(s: string): number {
  return parseSigned(s, 'ParseInt');
}

/** strconv.Atoi (a 64-bit int), limited to exactly representable numbers. */
export function atoi(s: string): number {
  return parseSigned(s, 'Atoi');
}

/**
 * strconv.ParseUint(s, 10, 64), limited to exactly representable numbers:
 * values above 2^53-1 are refused. Throws Uint64RangeError.
 */
export function parseUint64(s: string): number {
  if (!UNSIGNED.test(s)) throw new Uint64RangeError(numMessage('ParseUint', s, 'invalid syntax'));
  const big = BigInt(s);
  if (big > 0xffffffffffffffffn) throw new Uint64RangeError(numMessage('ParseUint', s, 'value out of range'));
  if (big > MAX_SAFE) throw new InexactNumberError(tooLarge(s));
  return Number(big);
}

/** strconv.ParseUint(s, 10, 32). */
export function parseUint32(s: string): number {
  if (!UNSIGNED.test(s)) throw syntaxError('ParseUint', s);
  if (BigInt(s) > 0xffffffffn) throw rangeError('ParseUint', s);
  return Number(s);
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean {
  switch (s) {
    case '1': case 't': case 'T': case 'TRUE': case 'true': case 'True':
      return true;
    case '0': case 'f': case 'F': case 'FALSE': case 'false': case 'False':
      return false;
  }
  throw syntaxError('ParseBool', s);
}
