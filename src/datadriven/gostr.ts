// Go string semantics the reader needs beyond src/util's UTF-8 helpers.
// JS regexps disagree with Go on '\r' in multiline anchors, so this is
// spelled out by hand.

// datadriven's public names for the shared strconv.Quote and strings.TrimSpace.
export { quoteByteString as goQuote } from '../util/strconv.js';
export { goTrimSpace } from '../util/utf8.js';

/**
 * Whether s has a line that is empty or holds only spaces and tabs, followed
 * by "\n" (Go's `(?m)^[\t ]*\n`; a final unterminated line never counts).
 */
export function hasBlankLine(s: string): boolean {
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && (s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x09)) j++;
    if (j < s.length && s.charCodeAt(j) === 0x0a) return true;
    const nl = s.indexOf('\n', j);
    if (nl < 0) return false;
    i = nl + 1;
  }
  return false;
}
