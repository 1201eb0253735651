// UTF-8 and Unicode as Go sees them, on byte strings (one char per byte, see
// bytes.ts): rune decoding/encoding, unicode.IsPrint/IsSpace and
// strings.TrimSpace. JS's own trim()/regexps disagree with Go on several
// bytes (0xA0, 0x85), so everything that must match Go goes through here.
import { PRINT_RANGES_ABOVE_LATIN1 } from './unicode-print.js';

export const RUNE_ERROR = 0xfffd;

/**
 * Decodes the UTF-8 rune starting at byte i like utf8.DecodeRuneInString:
 * invalid or truncated sequences give [U+FFFD, 1].
 */
export function decodeRune(s: string, i: number): [rune: number, size: number] {
  const n = s.length;
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1];
  const cont = (j: number): number => {
    if (j >= n) return -1;
    const b = s.charCodeAt(j);
    return b >= 0x80 && b <= 0xbf ? b & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(i + 1);
    if (c1 < 0) return [RUNE_ERROR, 1];
    return [((b0 & 0x1f) << 6) | c1, 2];
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    // Exclude overlong forms (E0 80..9F) and surrogates (ED A0..BF).
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    if (b1 < lo || b1 > hi) return [RUNE_ERROR, 1];
    const c2 = cont(i + 2);
    if (c2 < 0) return [RUNE_ERROR, 1];
    return [((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | c2, 3];
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return [RUNE_ERROR, 1];
    const c2 = cont(i + 2);
    if (c2 < 0) return [RUNE_ERROR, 1];
    const c3 = cont(i + 3);
    if (c3 < 0) return [RUNE_ERROR, 1];
    return [((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | (c2 << 6) | c3, 4];
  }
  return [RUNE_ERROR, 1];
}

/** Decodes a UTF-8 byte string into code points (invalid bytes -> U+FFFD). */
export function decodeRunes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    const [r, size] = decodeRune(s, i);
    out.push(r);
    i += size;
  }
  return out;
}

/** Encodes code points as a UTF-8 byte string. */
export function encodeRunes(runes: readonly number[]): string {
  const parts: string[] = [];
  for (const r of runes) parts.push(encodeRune(r));
  return parts.join('');
}

/** UTF-8 bytes of one rune (utf8.EncodeRune); invalid runes give U+FFFD. */
export function encodeRune(r: number): string {
  if (r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = RUNE_ERROR;
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  if (r < 0x10000) {
    return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  }
  return String.fromCharCode(
    0xf0 | (r >> 18),
    0x80 | ((r >> 12) & 0x3f),
    0x80 | ((r >> 6) & 0x3f),
    0x80 | (r & 0x3f),
  );
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020.
// Latin-1 above ASCII: printable except the C1 controls (0x80-0x9f), the
// no-break space (0xa0, a separator) and the soft hyphen (0xad, a format
// character), as in Go's properties table.
function isPrintLatin1(r: number): boolean {
  return r >= 0xa1 && r !== 0xad;
}

/**
 * unicode.IsPrint as Go 1.23 (Unicode 15.0.0) answers it: letters, marks,
 * numbers, punctuation, symbols and the ASCII space. The table is fixed
 * rather than taken from the JS engine, whose Unicode version is newer.
 */
export function isPrintRune(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r <= 0xff) return isPrintLatin1(r);
  const t = PRINT_RANGES_ABOVE_LATIN1;
  let lo = 0;
  let hi = t.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r < t[2 * mid]!) hi = mid - 1;
    else if (r > t[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** unicode.IsSpace */
export function isSpaceRune(r: number): boolean {
  if (r < 0x80) return isAsciiSpace(r);
  return (
    r === 0x85 ||
    r === 0xa0 ||
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200a) ||
    r === 0x2028 ||
    r === 0x2029 ||
    r === 0x202f ||
    r === 0x205f ||
    r === 0x3000
  );
}

/** Byte length of the Go-whitespace rune starting at i, or 0. */
function spaceAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return isAsciiSpace(c) ? 1 : 0;
  const [r, size] = decodeRune(s, i);
  return size > 1 && isSpaceRune(r) ? size : 0;
}

/** Index of the first byte at or after i that does not start Go whitespace. */
export function skipSpace(s: string, i: number): number {
  for (let step; i < s.length && (step = spaceAt(s, i)) > 0; ) i += step;
  return i;
}

// Encodings of the non-ASCII white space runes, checked as suffixes when
// trimming on the right (the last rune start of a valid suffix is its first byte).
const WIDE_SPACES = [
  0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
].map(encodeRune);

function spaceBefore(s: string, end: number): number {
  const c = s.charCodeAt(end - 1);
  if (c < 0x80) return isAsciiSpace(c) ? 1 : 0;
  for (const w of WIDE_SPACES) {
    if (end >= w.length && s.startsWith(w, end - w.length)) return w.length;
  }
  return 0;
}

/** strings.TrimSpace on a byte string. */
export function goTrimSpace(s: string): string {
  const start = skipSpace(s, 0);
  let end = s.length;
  for (let step; end > start && (step = spaceBefore(s, end)) > 0; ) end -= step;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
