// Directive-argument parsers with Go's strconv/time error texts that only
// datadriven uses (the integer and bool parsers are shared, in util/strconv).
// Results are JS numbers; a duration a number cannot hold exactly is an error.

import { rangeError, syntaxError } from '../util/strconv.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const DEC_FLOAT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/;

/** strconv.ParseFloat(s, 64) (no digit separators). */
export function parseFloat64(s: string): number {
  if (/^[+-]?(?:inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  let v: number;
  if (DEC_FLOAT.test(s)) {
    v = Number(s);
  } else {
    const m = HEX_FLOAT.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw syntaxError('ParseFloat', s);
    const digits = m[2]! + (m[3] ?? '');
    const mant = Number(BigInt('0x' + (digits === '' ? '0' : digits)));
    v = mant * Math.pow(2, Number(m[4]) - 4 * (m[3] ?? '').length);
    if (m[1] === '-') v = -v;
  }
  if (!Number.isFinite(v)) throw rangeError('ParseFloat', s);
  return v;
}

// time.quote: control and non-ASCII bytes are shown as \x escapes.
function timeQuote(s: string): string {
  const out: string[] = ['"'];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x80) out.push('\\x' + c.toString(16).padStart(2, '0'));
    else if (c === 0x22 || c === 0x5c) out.push('\\' + s[i]);
    else out.push(s[i]!);
  }
  out.push('"');
  return out.join('');
}

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1000n],
  ['\u00c2\u00b5s', 1000n], // U+00B5 MICRO SIGN, UTF-8
  ['\u00ce\u00bcs', 1000n], // U+03BC GREEK SMALL LETTER MU, UTF-8
  ['ms', 1000000n],
  ['s', 1000000000n],
  ['m', 60n * 1000000000n],
  ['h', 3600n * 1000000000n],
]);

const LIMIT = 1n << 63n;

/** time.ParseDuration; returns nanoseconds. */
export function parseDuration(orig: string): number {
  const invalid = (): Error => new Error(`time: invalid duration ${timeQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    let i = 0;
    let v = 0n;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > LIMIT / 10n) throw invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) throw invalid();
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) throw new Error(`time: missing unit in duration ${timeQuote(orig)}`);
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS.get(unitName);
    if (unit === undefined) {
      throw new Error(`time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(orig)}`);
    }
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    d += v;
    if (d > LIMIT) throw invalid();
  }
  if (!neg && d > LIMIT - 1n) throw invalid();
  if (d > MAX_SAFE) {
    throw new Error(`duration ${orig} does not fit exactly in ${Number.MAX_SAFE_INTEGER}ns`);
  }
  return neg ? -Number(d) : Number(d);
}

// Digits of the fraction v/10^prec without trailing zeros, and the integer part.
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return [print ? '.' + digits : '', v];
}

/** time.Duration.String for a nanosecond count, as a byte string. */
export function formatDuration(ns: number): string {
  let u = BigInt(Math.trunc(ns));
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u < 1000000000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1000000n) {
      prec = 3;
      unit = '\u00c2\u00b5s';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, int] = fmtFrac(u, prec);
    out = int.toString() + frac + unit;
  } else {
    const [frac, rest] = fmtFrac(u, 9);
    out = (rest % 60n).toString() + frac + 's';
    let r = rest / 60n;
    if (r > 0n) {
      out = (r % 60n).toString() + 'm' + out;
      r /= 60n;
      if (r > 0n) out = r.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}
