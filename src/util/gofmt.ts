// Go's fmt semantics for the verbs raft and its test harness use. All output
// is a byte string (one char per byte, see bytes.ts): strings passed in are
// taken to be byte strings already, and anything quoted is emitted as UTF-8.
import { quoteByteString, quoteBytes, quoteRune } from './strconv.js';

// %q is strconv.Quote; re-exported so fmt's verbs stay importable from here.
export { quoteByteString, quoteBytes, quoteRune };

// uint64 values a JS number cannot hold exactly still have to print like Go.
// Infinity (NO_LIMIT) and 2^64 both stand for math.MaxUint64; 2^64-2048 (the
// next double below) stands for math.MaxUint64-1 (raft's LocalApplyThread).
const MAX_UINT64_DEC = '18446744073709551615';
const MAX_UINT64_MINUS_1_DEC = '18446744073709551614';
const TWO_64 = 2 ** 64;
const TWO_64_PREV = 2 ** 64 - 2048;

function bigUint(n: number): bigint | undefined {
  if (n >= TWO_64) return 0xffffffffffffffffn;
  if (n === TWO_64_PREV) return 0xfffffffffffffffen;
  if (Number.isInteger(n)) return BigInt(n);
  return undefined;
}

/** Decimal text of an integer as Go prints a uint64 (or int) with %d. */
export function decimal(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (n >= TWO_64) return MAX_UINT64_DEC;
  if (n === TWO_64_PREV) return MAX_UINT64_MINUS_1_DEC;
  if (Number.isInteger(n)) return BigInt(n).toString();
  return String(n);
}

/** Go `%x` of an integer (lowercase hex, no prefix). */
export function hex(n: number): string {
  if (Number.isSafeInteger(n)) return n < 0 ? '-' + (-n).toString(16) : n.toString(16);
  const b = bigUint(n);
  if (b !== undefined) return b < 0n ? '-' + (-b).toString(16) : b.toString(16);
  return String(n);
}

const HEX = '0123456789abcdef';

// ---------------------------------------------------------------------------
// %v

function hasOwnToString(v: object): boolean {
  const ts = (v as { toString?: unknown }).toString;
  return typeof ts === 'function' && ts !== Object.prototype.toString && ts !== Array.prototype.toString;
}

function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

function formatValue(v: unknown, plus: boolean, depth: number): string {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) || !Number.isFinite(v) ? decimal(v) : String(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return '<nil>';
    case 'function':
      return '<func>';
    case 'symbol':
      return v.toString();
  }
  if (v === null) return '<nil>';
  const o = v as object;
  if (o instanceof Error) return o.message;
  if (o instanceof Uint8Array) return '[' + Array.prototype.join.call(o, ' ') + ']';
  if (Array.isArray(o)) {
    let s = '[';
    for (let i = 0; i < o.length; i++) {
      if (i > 0) s += ' ';
      s += formatValue(o[i], plus, depth + 1);
    }
    return s + ']';
  }
  if (hasOwnToString(o)) return String(o);
  if (o instanceof Map) {
    // Go prints maps sorted by key.
    const keys = [...o.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return 'map[' + keys.map((k) => formatValue(k, plus, depth + 1) + ':' + formatValue(o.get(k), plus, depth + 1)).join(' ') + ']';
  }
  if (o instanceof Set) {
    const keys = [...o].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return 'map[' + keys.map((k) => formatValue(k, plus, depth + 1) + ':{}').join(' ') + ']';
  }
  if (depth > 8) return '{...}';
  // A struct: fields in declaration (insertion) order.
  const parts: string[] = [];
  for (const [k, fv] of Object.entries(o)) {
    parts.push((plus ? k + ':' : '') + formatValue(fv, plus, depth + 1));
  }
  if (!isPlainObject(o) && parts.length === 0) return String(o);
  return '{' + parts.join(' ') + '}';
}

/**
 * Go `%v` of the values raft prints: integers (uint64 semantics), strings
 * (byte strings), booleans, arrays `[1 2 3]`, Uint8Array `[104 105]`,
 * objects via toString() (Go's String()), Error via message, undefined/null
 * as `<nil>`. Plain objects print like Go structs: `{v1 v2}`.
 */
export function formatV(v: unknown): string {
  return formatValue(v, false, 0);
}

/** Go `%v` of a []uint64: `[1 2 3]`. */
export function formatUint64sV(a: readonly number[]): string {
  let s = '[';
  for (let i = 0; i < a.length; i++) s += (i > 0 ? ' ' : '') + decimal(a[i]!);
  return s + ']';
}

/** Go `%v` of a []byte inside a struct: a nil slice prints `[]` (formatV says `<nil>`). */
export function formatBytesV(b: Uint8Array | undefined): string {
  return b === undefined ? '[]' : '[' + Array.prototype.join.call(b, ' ') + ']';
}

/** Go `%+v`: like formatV, but plain objects print `{key:value ...}`. */
export function formatPlusV(v: unknown): string {
  return formatValue(v, true, 0);
}

// ---------------------------------------------------------------------------
// sprintf

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number; // -1: none
  prec: number; // -1: none
}

function goTypeName(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? 'uint64' : 'float64';
    case 'bigint':
      return 'uint64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'undefined':
      return '<nil>';
  }
  if (v === null) return '<nil>';
  if (v instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Error) return '*errors.errorString';
  const name = (v as object).constructor?.name;
  return name && name !== 'Object' ? name : 'struct';
}

function badVerb(verb: string, v: unknown): string {
  if (v === undefined || v === null) return '%!' + verb + '(<nil>)';
  return '%!' + verb + '(' + goTypeName(v) + '=' + formatV(v) + ')';
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  if (spec.width < 0 || s.length >= spec.width) return s;
  const n = spec.width - s.length;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero && numeric) {
    const sign = s[0] === '-' || s[0] === '+' || s[0] === ' ' ? s[0] : '';
    const prefix = spec.sharp && /^[-+ ]?0[xX]/.test(s) ? 2 : 0;
    const head = s.slice(0, sign.length + prefix);
    return head + '0'.repeat(n) + s.slice(head.length);
  }
  if (spec.zero && !numeric) return '0'.repeat(n) + s;
  return ' '.repeat(n) + s;
}

function fmtInteger(n: number | bigint, verb: string, spec: Spec): string {
  let neg = false;
  let digits: string;
  if (typeof n === 'bigint') {
    neg = n < 0n;
    const a = neg ? -n : n;
    digits = verb === 'd' ? a.toString() : a.toString(16);
  } else {
    neg = n < 0;
    const a = neg ? -n : n;
    digits = verb === 'd' ? decimal(a) : hex(a);
  }
  if (verb === 'X') digits = digits.toUpperCase();
  if (spec.prec >= 0) {
    if (spec.prec === 0 && digits === '0') digits = '';
    if (digits.length < spec.prec) digits = '0'.repeat(spec.prec - digits.length) + digits;
  }
  if (spec.sharp && verb !== 'd') digits = (verb === 'X' ? '0X' : '0x') + digits;
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  return pad(sign + digits, spec.prec >= 0 ? { ...spec, zero: false } : spec, true);
}

function hexOfBytes(b: Uint8Array | string, upper: boolean, spec: Spec): string {
  let s = '';
  const len = b.length;
  for (let i = 0; i < len; i++) {
    const c = typeof b === 'string' ? b.charCodeAt(i) & 0xff : b[i]!;
    if (spec.space && i > 0) s += ' ';
    if (spec.sharp && (spec.space || i === 0)) s += '0x';
    s += HEX[c >> 4]! + HEX[c & 0xf]!;
  }
  return upper ? s.toUpperCase() : s;
}

function isNumber(v: unknown): v is number | bigint {
  return (typeof v === 'number' && (Number.isInteger(v) || !Number.isFinite(v))) || typeof v === 'bigint';
}

function fmtArg(verb: string, v: unknown, spec: Spec): string {
  switch (verb) {
    case 'v':
      if (spec.plus) return pad(formatPlusV(v), spec, false);
      if (isNumber(v)) return fmtInteger(v, 'd', spec);
      return pad(formatV(v), spec, false);
    case 'd':
    case 'x':
    case 'X':
      if (isNumber(v)) return fmtInteger(v, verb, spec);
      if (verb !== 'd' && (typeof v === 'string' || v instanceof Uint8Array)) {
        return pad(hexOfBytes(v, verb === 'X', spec), spec, false);
      }
      if (v instanceof Uint8Array || Array.isArray(v)) {
        const items = Array.from(v as ArrayLike<unknown>, (x) => fmtArg(verb, x, { ...spec, width: -1 }));
        return '[' + items.join(' ') + ']';
      }
      if (verb !== 'd' && v !== null && typeof v === 'object' && hasOwnToString(v)) {
        return pad(hexOfBytes(String(v), verb === 'X', spec), spec, false);
      }
      return badVerb(verb, v);
    case 's':
      if (typeof v === 'string') return pad(spec.prec >= 0 ? v.slice(0, spec.prec) : v, spec, false);
      if (v instanceof Uint8Array) {
        let s = '';
        for (let i = 0; i < v.length; i++) s += String.fromCharCode(v[i]!);
        return pad(s, spec, false);
      }
      if (v instanceof Error) return pad(v.message, spec, false);
      if (Array.isArray(v)) return '[' + v.map((x) => fmtArg('s', x, { ...spec, width: -1 })).join(' ') + ']';
      if (v !== null && typeof v === 'object' && hasOwnToString(v)) return pad(String(v), spec, false);
      if (v !== null && typeof v === 'object') return pad(formatV(v), spec, false);
      return badVerb(verb, v);
    case 'q':
      if (typeof v === 'string') return pad(quoteByteString(v), spec, false);
      if (v instanceof Uint8Array) return pad(quoteBytes(v), spec, false);
      if (typeof v === 'number' && Number.isInteger(v)) return pad(quoteRune(v), spec, false);
      if (v instanceof Error) return pad(quoteByteString(v.message), spec, false);
      if (Array.isArray(v)) return '[' + v.map((x) => fmtArg('q', x, { ...spec, width: -1 })).join(' ') + ']';
      if (v !== null && typeof v === 'object' && hasOwnToString(v)) return pad(quoteByteString(String(v)), spec, false);
      return badVerb(verb, v);
    case 't':
      if (typeof v === 'boolean') return pad(v ? 'true' : 'false', spec, false);
      return badVerb(verb, v);
    case 'T':
      return pad(goTypeName(v), spec, false);
    default:
      return badVerb(verb, v);
  }
}

/** Go's fmt.Sprintf for the verbs raft uses (%d %x %X %s %v %+v %q %t %T %%, flags, width, precision). */
export function sprintf(format: string, ...args: unknown[]): string {
  let out = '';
  let argi = 0;
  const n = format.length;
  let i = 0;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, width: -1, prec: -1 };
    flags: for (; i < n; i++) {
      switch (format[i]) {
        case '-': spec.minus = true; spec.zero = false; break;
        case '+': spec.plus = true; break;
        case '#': spec.sharp = true; break;
        case ' ': spec.space = true; break;
        case '0': spec.zero = !spec.minus; break;
        default: break flags;
      }
    }
    if (format[i] === '*') {
      i++;
      const w = args[argi++];
      spec.width = typeof w === 'number' ? w : -1;
      if (spec.width < 0 && typeof w === 'number') {
        spec.minus = true;
        spec.width = -spec.width;
      }
    } else {
      const st = i;
      while (i < n && format.charCodeAt(i) >= 0x30 && format.charCodeAt(i) <= 0x39) i++;
      if (i > st) spec.width = Number(format.slice(st, i));
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        const p = args[argi++];
        spec.prec = typeof p === 'number' && p >= 0 ? p : -1;
      } else {
        const st = i;
        while (i < n && format.charCodeAt(i) >= 0x30 && format.charCodeAt(i) <= 0x39) i++;
        spec.prec = Number(format.slice(st, i) || '0');
      }
    }
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const cp = format.codePointAt(i)!;
    const verb = String.fromCodePoint(cp);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += '%!' + verb + '(MISSING)';
      continue;
    }
    out += fmtArg(verb, args[argi++], spec);
  }
  if (argi < args.length) {
    out += '%!(EXTRA ';
    out += args
      .slice(argi)
      .map((a) => (a === undefined || a === null ? '<nil>' : goTypeName(a) + '=' + formatV(a)))
      .join(', ');
    out += ')';
  }
  return out;
}

/** Go's fmt.Sprint: operands formatted with %v, spaces between operands when neither is a string. */
export function sprint(...args: unknown[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && typeof args[i] !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatV(args[i]);
  }
  return out;
}

/** Go's fmt.Sprintln: operands formatted with %v, always space-separated, plus a newline. */
export function sprintln(...args: unknown[]): string {
  return args.map(formatV).join(' ') + '\n';
}
