import { describe, expect, it } from 'vitest';
import {
  decimal,
  formatPlusV,
  formatV,
  hex,
  quoteByteString,
  quoteBytes,
  quoteRune,
  sprint,
  sprintf,
  sprintln,
} from '../src/util/gofmt.js';
import { bytesOf, utf8ToByteString } from '../src/util/bytes.js';
import { NO_LIMIT } from '../src/raftpb/types.js';
import { LocalAppendThread, LocalApplyThread } from '../src/raft/util.js';

// Expected values are what Go's fmt/strconv produce; non-ASCII output is
// written as UTF-8 bytes (byte strings).
const u8 = (s: string) => utf8ToByteString(s);

describe('quoteBytes (strconv.Quote of []byte)', () => {
  const cases: Array<[string, string]> = [
    ['', '""'],
    ['hello', '"hello"'],
    ['hello\x00world', '"hello\\x00world"'],
    ['\x00', '"\\x00"'],
    ['\x07\x08\x0c\n\r\t\x0b', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['"\\', '"\\"\\\\"'],
    ["'", `"'"`],
    ['\x1f\x7f', '"\\x1f\\x7f"'],
    [u8('é'), `"${u8('é')}"`],
    ['\xff', '"\\xff"'],
    ['a\xffb', '"a\\xffb"'],
    [u8('\u2028'), '"\\u2028"'],
    [u8('\u00a0'), '"\\u00a0"'],
    [u8('\u00ad'), '"\\u00ad"'],
    [u8('\u0085'), '"\\u0085"'],
    [u8('\u3000'), '"\\u3000"'],
    [u8('\ufeff'), '"\\ufeff"'],
    [u8('\ue000'), '"\\ue000"'],
    [u8('\ufffd'), `"${u8('\ufffd')}"`],
    [u8('😀'), `"${u8('😀')}"`],
    [u8('\u{10ffff}'), '"\\U0010ffff"'],
    [u8('\u{e0001}'), '"\\U000e0001"'],
    [u8('e\u0301'), `"${u8('e\u0301')}"`],
    [u8('日本語'), `"${u8('日本語')}"`],
    [u8('∞'), `"${u8('∞')}"`],
    ['\xed\xa0\x80', '"\\xed\\xa0\\x80"'], // an encoded surrogate is invalid UTF-8
    ['\xc0\x80', '"\\xc0\\x80"'], // overlong
    ['\xe2\x82', '"\\xe2\\x82"'], // truncated
    ['\xe2\x82a', '"\\xe2\\x82a"'],
    ['\xf4\x90\x80\x80', '"\\xf4\\x90\\x80\\x80"'], // above U+10FFFF
    ['\xf0\x9f\x98', '"\\xf0\\x9f\\x98"'],
  ];
  for (const [input, want] of cases) {
    it(JSON.stringify(input), () => {
      expect(quoteBytes(bytesOf(input))).toBe(want);
      expect(quoteByteString(input)).toBe(want);
    });
  }
  it('nil is ""', () => {
    expect(quoteBytes(undefined)).toBe('""');
  });
});

describe('quoteRune', () => {
  it('quotes like strconv.QuoteRune', () => {
    expect(quoteRune(97)).toBe("'a'");
    expect(quoteRune(0x27)).toBe("'\\''");
    expect(quoteRune(0x22)).toBe(`'"'`);
    expect(quoteRune(0)).toBe("'\\x00'");
    expect(quoteRune(0x263a)).toBe(`'${u8('☺')}'`);
    expect(quoteRune(0x2028)).toBe("'\\u2028'");
  });
});

describe('sprintf', () => {
  const cases: Array<[string, unknown[], string]> = [
    ['%d', [42], '42'],
    ['%d', [-7], '-7'],
    ['%x', [255], 'ff'],
    ['%X', [255], 'FF'],
    ['%#x', [255], '0xff'],
    ['%5d|', [3], '    3|'],
    ['%-5d|', [3], '3    |'],
    ['%05d', [-42], '-0042'],
    ['%+d', [5], '+5'],
    ['%3s|%-3s|', ['a', 'b'], '  a|b  |'],
    ['%.2d', [5], '05'],
    ['%d', [NO_LIMIT], '18446744073709551615'],
    ['%x', [NO_LIMIT], 'ffffffffffffffff'],
    ['%x', [LocalAppendThread], 'ffffffffffffffff'],
    ['%x', [LocalApplyThread], 'fffffffffffffffe'],
    ['%d', [LocalApplyThread], '18446744073709551614'],
    ['%d', [Number.MAX_SAFE_INTEGER], '9007199254740991'],
    ['%v', [12], '12'],
    ['%v', [[1, 2, 3]], '[1 2 3]'],
    ['%v', [[]], '[]'],
    ['%v', [new Uint8Array([104, 105])], '[104 105]'],
    ['%d', [[1, 2]], '[1 2]'],
    ['%x', [[10, 11]], '[a b]'],
    ['%s', [new Uint8Array([104, 105])], 'hi'],
    ['%x', ['hi'], '6869'],
    ['%x', [new Uint8Array([1, 171])], '01ab'],
    ['%q', ['hi\n'], '"hi\\n"'],
    ['%q', [new Uint8Array([0, 255])], '"\\x00\\xff"'],
    ['%q', [['a', 'b']], '["a" "b"]'],
    ['%t', [true], 'true'],
    ['%v', [false], 'false'],
    ['%s', ['x'], 'x'],
    ['%v', [new Error('boom')], 'boom'],
    ['%s', [new Error('boom')], 'boom'],
    ['%v', [undefined], '<nil>'],
    ['%v', [null], '<nil>'],
    ['%s', [undefined], '%!s(<nil>)'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%s', [5], '%!s(uint64=5)'],
    ['%d', [], '%!d(MISSING)'],
    ['a', [1], 'a%!(EXTRA uint64=1)'],
    ['100%%', [], '100%'],
    ['%v %v', [{ toString: () => 'S' }, 'x'], 'S x'],
    ['%+v', [{ term: 1, index: 2 }], '{term:1 index:2}'],
    ['%v', [{ term: 1, index: 2 }], '{1 2}'],
    ['%v', [{ a: [1], b: new Uint8Array([7]), c: undefined }], '{[1] [7] <nil>}'],
    ['%s', [{ toString: () => 'voters=(1 2)' }], 'voters=(1 2)'],
    ['%q', [{ toString: () => 'A' }], '"A"'],
    ['%T', ['x'], 'string'],
    ['%!', [], '%!!(MISSING)'],
    ['%', [], '%!(NOVERB)'],
    ['%*d|', [4, 7], '   7|'],
    ['%x', [0], '0'],
  ];
  for (const [format, args, want] of cases) {
    it(`${format} ${JSON.stringify(args, (_k, v) => (v instanceof Uint8Array ? [...v] : v))}`, () => {
      expect(sprintf(format, ...args)).toBe(want);
    });
  }

  it('renders raft log lines', () => {
    expect(sprintf('%x [term: %d] received a %s message with higher term from %x [term: %d]', 1, 0, 'MsgVote', 2, 1)).toBe(
      '1 [term: 0] received a MsgVote message with higher term from 2 [term: 1]',
    );
    expect(sprintf(' %5d    (id=%d)\n', 100, 1)).toBe('   100    (id=1)\n');
    expect(sprintf('Ready MustSync=%t:\n%s', true, 'x')).toBe('Ready MustSync=true:\nx');
  });
});

describe('formatV and friends', () => {
  it('formats values as Go %v', () => {
    expect(formatV(3)).toBe('3');
    expect(formatV('s')).toBe('s');
    expect(formatV([[1, 2], [3]])).toBe('[[1 2] [3]]');
    expect(formatV(new Map([[2, 'b'], [1, 'a']]))).toBe('map[1:a 2:b]');
    expect(formatV(new Error('e'))).toBe('e');
    expect(formatV(1.5)).toBe('1.5');
    expect(formatPlusV({ a: 1, b: [2] })).toBe('{a:1 b:[2]}');
  });
  it('hex and decimal', () => {
    expect(hex(0)).toBe('0');
    expect(hex(0xabc)).toBe('abc');
    expect(hex(Number.MAX_SAFE_INTEGER)).toBe('1fffffffffffff');
    expect(decimal(2 ** 64)).toBe('18446744073709551615');
    expect(decimal(2 ** 60)).toBe('1152921504606846976');
  });
  it('sprint and sprintln', () => {
    expect(sprint('a', 1, 2, 'b')).toBe('a1 2b');
    expect(sprint(new Error('x'))).toBe('x');
    expect(sprintln('a', 1)).toBe('a 1\n');
  });
});

describe('%q follows Unicode 15.0.0 like Go 1.23', () => {
  const q = (text: string) => quoteByteString(utf8ToByteString(text));
  it('prints characters of Unicode 15.0 and older raw', () => {
    expect(q('\u{1fae0}')).toBe(utf8ToByteString('"\u{1fae0}"')); // melting face, Unicode 14
    expect(q('\u{1fae8}')).toBe(utf8ToByteString('"\u{1fae8}"')); // shaking face, Unicode 15.0
    expect(q('é\u{4e2d}')).toBe(utf8ToByteString('"é\u{4e2d}"'));
  });
  it('escapes characters assigned after Unicode 15.0, as Go does', () => {
    expect(q('\u{1fae9}')).toBe('"\\U0001fae9"'); // Unicode 16.0
    expect(q('\u2ffc')).toBe('"\\u2ffc"'); // Unicode 15.1
  });
  it('escapes the Latin-1 no-break space and soft hyphen', () => {
    expect(q('\u00a0')).toBe('"\\u00a0"');
    expect(q('\u00ad')).toBe('"\\u00ad"');
    expect(q('\u00a1\u00ff')).toBe(utf8ToByteString('"\u00a1\u00ff"'));
  });
});
