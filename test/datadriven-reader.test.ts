// Parser, reader and argument scanning of the datadriven port.

import { describe, expect, it } from 'vitest';
import {
  CmdArg,
  DirectiveError,
  formatDuration,
  goQuote,
  goTrimSpace,
  hasBlankLine,
  parseBool,
  parseDuration,
  parseFloat64,
  parseInt64,
  parseLine,
  parseUint32,
  readAll,
  TestDataReader,
} from '../src/datadriven/index.js';

function parseError(line: string): string {
  try {
    parseLine(line);
  } catch (e) {
    expect(e).toBeInstanceOf(DirectiveError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${line}`);
}

describe('parseLine', () => {
  it('parses commands and arguments', () => {
    const p = parseLine('  cmd a b=1 c=(x, y)  d= e=() f=(1,) ');
    expect(p.cmd).toBe('cmd');
    expect(p.cmdArgs.map((a) => [a.key, a.vals])).toEqual([
      ['a', []],
      ['b', ['1']],
      ['c', ['x', 'y']],
      ['d', ['']],
      ['e', ['']],
      ['f', ['1', '']],
    ]);
    expect(p.cmdArgs.map(String)).toEqual(['a', 'b=1', 'c=(x, y)', 'd=', 'e=', 'f=(1, )']);
  });

  it('keeps nested parentheses inside values', () => {
    const p = parseLine('c e=(a + (b + c), d + f) g=((1,2),(3))');
    expect(p.cmdArgs[0]!.vals).toEqual(['a + (b + c)', 'd + f']);
    expect(p.cmdArgs[1]!.vals).toEqual(['(1,2)', '(3)']);
  });

  it('gives an empty command for blank lines', () => {
    expect(parseLine('')).toEqual({ cmd: '', cmdArgs: [] });
    expect(parseLine(' \t ')).toEqual({ cmd: '', cmdArgs: [] });
  });

  it('splits only on spaces', () => {
    const p = parseLine('cmd\targ x=a,b');
    expect(p.cmd).toBe('cmd\targ');
    expect(p.cmdArgs.map(String)).toEqual(['x=a,b']);
  });

  it('reports the column like Go', () => {
    expect(parseError('xx =')).toBe('cannot parse directive at column 4: xx =');
    expect(parseError('  xx =  ')).toBe('cannot parse directive at column 4: xx =');
    expect(parseError('xx a=(b, c')).toBe('cannot parse directive at column 6: xx a=(b, c');
    expect(parseError('xx a=((b)')).toBe('cannot parse directive at column 6: xx a=((b)');
    expect(parseError('xx a b =c')).toBe('cannot parse directive at column 8: xx a b =c');
    expect(parseLine('=x').cmd).toBe('=x');
    expect(parseError('xx a=(b) =')).toBe('cannot parse directive at column 10: xx a=(b) =');
  });

  it('counts columns in bytes and trims Unicode spaces like Go', () => {
    // "é" is two bytes in UTF-8; U+00A0 (C2 A0) is white space for Go.
    expect(parseError('\u00c3\u00a9 =')).toBe('cannot parse directive at column 4: \u00c3\u00a9 =');
    expect(parseLine('\u00c2\u00a0cmd x\u00c2\u00a0').cmdArgs.map(String)).toEqual(['x']);
    // A lone 0xA0 byte is not white space in Go.
    expect(parseLine('cmd x\u00a0').cmdArgs.map(String)).toEqual(['x\u00a0']);
  });
});

describe('Go string helpers', () => {
  it('goTrimSpace', () => {
    expect(goTrimSpace(' \t\v\f\r\n x \n')).toBe('x');
    expect(goTrimSpace('\u00e3\u0080\u0080x\u00e2\u0080\u00a8')).toBe('x'); // U+3000, U+2028
    expect(goTrimSpace('\u00a0x\u0085')).toBe('\u00a0x\u0085');
  });

  it('hasBlankLine', () => {
    expect(hasBlankLine('')).toBe(false);
    expect(hasBlankLine('a\n')).toBe(false);
    expect(hasBlankLine('\n')).toBe(true);
    expect(hasBlankLine('a\n\nb\n')).toBe(true);
    expect(hasBlankLine('a\n \t \nb\n')).toBe(true);
    expect(hasBlankLine('a\r\nb\n')).toBe(false);
    expect(hasBlankLine('a\n  ')).toBe(false);
  });

  it('goQuote', () => {
    expect(goQuote('a"b\\c\n\t\x00\x7f')).toBe('"a\\"b\\\\c\\n\\t\\x00\\x7f"');
    expect(goQuote('\u00f0\u009f\u008d\u008c')).toBe('"\u00f0\u009f\u008d\u008c"'); // U+1F34C kept
    expect(goQuote('\u00ff')).toBe('"\\xff"');
    expect(goQuote('\u00c2\u00a0')).toBe('"\\u00a0"');
  });
});

describe('reader', () => {
  it('reads directives, inputs, expected outputs and positions', () => {
    const content = [
      '# comment',
      '',
      'cmd a=1 \\',
      '   b=2',
      '  some input  ',
      '',
      'more input',
      '----',
      'out 1',
      'out 2',
      '',
      '   # indented comment',
      'two',
      '----',
      '----',
      'x',
      '',
      'y',
      '----',
      '----',
      '',
      'three',
      '----',
      'last',
    ].join('\n');
    const ds = readAll(content, 'f');
    expect(ds.map((d) => d.pos)).toEqual(['f:3', 'f:13', 'f:22']);
    expect(ds[0]!.cmd).toBe('cmd');
    expect(ds[0]!.cmdArgs.map(String)).toEqual(['a=1', 'b=2']);
    expect(ds[0]!.directive).toBe('cmd a=1 \\\n   b=2');
    expect(ds[0]!.input).toBe('some input  \n\nmore input');
    expect(ds[0]!.expected).toBe('out 1\nout 2\n');
    expect(ds[1]!.expected).toBe('x\n\ny\n');
    expect(ds[2]!.expected).toBe('last\n');
  });

  it('records output block ranges', () => {
    const content = 'a\nin\n----\nx\n\nb\n----\n----\ny\n----\n----\n\nc\n----\n';
    const r = new TestDataReader(content, 'f');
    const blocks: [number, number, boolean][] = [];
    while (r.next()) blocks.push([r.block!.start, r.block!.end, r.block!.hasSeparator]);
    expect(blocks.map(([s, e, h]) => [content.slice(s, e), h])).toEqual([
      ['----\nx\n\n', true],
      ['----\n----\ny\n----\n----\n\n', true],
      ['----\n', true],
    ]);
  });

  it('handles a directive without separator at the end', () => {
    const ds = readAll('a\n----\nx\n\nb\nsome\ninput', 'f');
    expect(ds[1]!.input).toBe('some\ninput');
    expect(ds[1]!.expected).toBe('');
  });

  it('treats every following line as input until ----', () => {
    const ds = readAll('a\n\nb\n----\nx\n', 'f');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.input).toBe('b');
  });

  it('ends single-separator output at a whitespace-only line', () => {
    const ds = readAll('a\n----\nx\n \t\nb\n----\ny', 'f');
    expect(ds.map((d) => d.expected)).toEqual(['x\n', 'y\n']);
  });

  it('drops a CR before LF like bufio.ScanLines', () => {
    const ds = readAll('a k=v\r\nin\r\n----\r\nx\r\n\r\nb\r\n----\r\ny\r', 'f');
    expect(ds.map((d) => [d.cmdArgs.map(String), d.input, d.expected])).toEqual([
      [['k=v'], 'in', 'x\n'],
      [[], '', 'y\n'],
    ]);
  });

  it('keeps ---- lines that are not doubled inside the double form', () => {
    const ds = readAll('a\n----\n----\nx\n----\ny\n----\n----\n', 'f');
    expect(ds[0]!.expected).toBe('x\n----\ny\n');
    // An unterminated double form runs to the end of the file.
    expect(readAll('a\n----\n----\nx\n\n----', 'f')[0]!.expected).toBe('x\n\n----\n');
  });

  it('rejects a non-blank line after the double separator', () => {
    expect(() => readAll('a\n----\n----\nx\n----\n----\nb\n----\n', 'f')).toThrow(
      'non-blank line after end of double ---- separator section',
    );
    try {
      readAll('\na\n----\n----\nx\n----\n----\nb\n', 'f');
    } catch (e) {
      expect((e as DirectiveError).pos).toBe('f:2');
    }
  });

  it('reports parse errors at the directive', () => {
    try {
      readAll('ok\n----\n\n# c\nbad =\n----\n', 'f');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DirectiveError);
      expect((e as DirectiveError).pos).toBe('f:5');
      expect((e as Error).message).toBe('cannot parse directive at column 5: bad =');
    }
  });

  it('returns subtest directives without reading input', () => {
    const ds = readAll('subtest a\nx\n----\ny\n\nsubtest end\n', 'f');
    expect(ds.map((d) => [d.cmd, d.cmdArgs.map(String), d.input, d.expected])).toEqual([
      ['subtest', ['a'], '', ''],
      ['x', [], '', 'y\n'],
      ['subtest', ['end'], '', ''],
    ]);
  });

  it('keeps a trailing backslash on the last line', () => {
    expect(readAll('cmd a \\', 'f')[0]!.cmdArgs.map(String)).toEqual(['a', '\\']);
  });

  it('handles lines longer than bufio.Scanner allows', () => {
    const long = 'x'.repeat(200_000);
    const ds = readAll(`cmd v=${long}\n----\n${long}\n`, 'f');
    expect(ds[0]!.cmdArgs[0]!.vals[0]).toHaveLength(200_000);
    expect(ds[0]!.expected).toHaveLength(200_001);
  });
});

describe('CmdArg and TestData scanning', () => {
  const td = (line: string) => readAll(`${line}\n----\n`, 'f')[0]!;
  const err = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(DirectiveError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('scans scalars and lists', () => {
    const d = td('c a=5 b=-3 c=(1, 2) s=hi t=true f=2.5 dur=1h2m u=4294967295');
    expect(d.scanArgs('a', 'uint64')).toBe(5);
    expect(d.scanArgs('b', 'int')).toBe(-3);
    expect(d.scanArgs('b', 'int64')).toBe(-3);
    expect(d.scanArgs('c', 'uint64', 'uint64')).toEqual([1, 2]);
    expect(d.scanArgs('c', 'int', 'string')).toEqual([1, '2']);
    expect(d.scanArgs('c', 'uint64[]')).toEqual([1, 2]);
    expect(d.scanArgs('c', 'string[]')).toEqual(['1', '2']);
    expect(d.scanArgs('s', 'string')).toBe('hi');
    expect(d.scanArgs('t', 'bool')).toBe(true);
    expect(d.scanArgs('f', 'float')).toBe(2.5);
    expect(d.scanArgs('dur', 'duration')).toBe(3_720_000_000_000);
    expect(d.scanArgs('u', 'uint32')).toBe(4294967295);
    expect(d.maybeScanArgs('nope', 'int')).toBeUndefined();
    const c = d.arg('c')!;
    expect([c.scanUint64(0), c.scanInt(1), c.scanString(1)]).toEqual([1, 2, '2']);
    expect(c.scanUint64s()).toEqual([1, 2]);
    expect(c.scanInts()).toEqual([1, 2]);
    expect(c.scanFloats()).toEqual([1, 2]);
    expect(c.scanStrings()).toEqual(['1', '2']);
    expect(c.twoVals()).toEqual(['1', '2']);
    expect(c.firstVal()).toBe('1');
    expect(d.arg('a')!.singleVal()).toBe('5');
    expect(d.arg('t')!.scanBool()).toBe(true);
    expect(d.arg('f')!.scanFloat()).toBe(2.5);
    expect(d.arg('b')!.scanInt64()).toBe(-3);
    expect(d.arg('u')!.scanUint32()).toBe(4294967295);
    expect(d.arg('dur')!.scanDuration()).toBe(3_720_000_000_000);
  });

  it('reports errors like Go', () => {
    const d = td('c a=x b=(1, y) n m=-1 big=18446744073709551616 huge=9007199254740992');
    expect(err(() => d.scanArgs('a', 'uint64'))).toBe(
      'a: failed to scan argument 0: strconv.ParseUint: parsing "x": invalid syntax',
    );
    expect(err(() => d.scanArgs('m', 'uint64'))).toBe(
      'm: failed to scan argument 0: strconv.ParseUint: parsing "-1": invalid syntax',
    );
    expect(err(() => d.scanArgs('big', 'uint64'))).toBe(
      'big: failed to scan argument 0: strconv.ParseUint: parsing "18446744073709551616": value out of range',
    );
    expect(err(() => d.scanArgs('huge', 'uint64'))).toMatch(/^huge: failed to scan argument 0: value 9007199254740992 is larger than/);
    expect(err(() => d.scanArgs('b', 'int', 'int'))).toBe(
      'b: failed to scan argument 1: strconv.ParseInt: parsing "y": invalid syntax',
    );
    expect(err(() => d.scanArgs('b', 'int[]'))).toBe(
      'b: failed to scan argument 0: arg 1: strconv.ParseInt: parsing "y": invalid syntax',
    );
    expect(err(() => d.scanArgs('b', 'int'))).toBe(
      'b: failed to scan argument 0: unsupported type *int for "b" (might be easy to add it)',
    );
    expect(err(() => d.scanArgs('n', 'uint64'))).toBe(
      'n: failed to scan argument 0: unsupported type *uint64 for "n" (might be easy to add it)',
    );
    expect(err(() => d.scanArgs('b', 'int', 'int', 'int'))).toBe('b: got 3 destinations, but 2 values');
    expect(err(() => d.scanArgs('b', 'int[]', 'int'))).toBe(
      'b: failed to scan argument 0: unsupported type *[]int for destination #1 (might be easy to add it)',
    );
    expect(err(() => d.scanArgs('missing', 'int'))).toBe('missing argument: missing');
    expect(err(() => d.arg('b')!.singleVal())).toBe('argument "b" requires 1 values, has 2');
    expect(err(() => d.arg('a')!.twoVals())).toBe('argument "a" requires 2 values, has 1');
    expect(err(() => d.arg('n')!.firstVal())).toBe('argument "n" requires at least 1 values, has 0');
    expect(err(() => d.arg('a')!.scanUint64(3))).toBe('cannot scan index 3 of key a');
    expect(err(() => d.arg('a')!.scanBool())).toBe('strconv.ParseBool: parsing "x": invalid syntax');
    expect(err(() => d.fatal('boom'))).toBe('boom');
  });

  it('CmdArg.toString', () => {
    expect(String(new CmdArg('k'))).toBe('k');
    expect(String(new CmdArg('k', ['']))).toBe('k=');
    expect(String(new CmdArg('k', ['a', 'b']))).toBe('k=(a, b)');
  });
});

describe('strconv', () => {
  const msg = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  it('parseInt64', () => {
    expect(parseInt64('+12')).toBe(12);
    expect(parseInt64('-0')).toBe(0);
    expect(msg(() => parseInt64(''))).toBe('strconv.ParseInt: parsing "": invalid syntax');
    expect(msg(() => parseInt64('1_0'))).toBe('strconv.ParseInt: parsing "1_0": invalid syntax');
    expect(msg(() => parseInt64('9223372036854775808'))).toBe(
      'strconv.ParseInt: parsing "9223372036854775808": value out of range',
    );
  });

  it('parseUint32 and parseBool', () => {
    expect(msg(() => parseUint32('4294967296'))).toBe(
      'strconv.ParseUint: parsing "4294967296": value out of range',
    );
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseBool)).toEqual(Array(6).fill(true));
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseBool)).toEqual(Array(6).fill(false));
    expect(msg(() => parseBool('yes'))).toBe('strconv.ParseBool: parsing "yes": invalid syntax');
  });

  it('parseFloat64', () => {
    expect(parseFloat64('1.5e3')).toBe(1500);
    expect(parseFloat64('.5')).toBe(0.5);
    expect(parseFloat64('1.')).toBe(1);
    expect(parseFloat64('-Inf')).toBe(-Infinity);
    expect(parseFloat64('0x1.8p1')).toBe(3);
    expect(Number.isNaN(parseFloat64('NaN'))).toBe(true);
    expect(msg(() => parseFloat64('1e400'))).toBe('strconv.ParseFloat: parsing "1e400": value out of range');
    expect(msg(() => parseFloat64('abc'))).toBe('strconv.ParseFloat: parsing "abc": invalid syntax');
    expect(msg(() => parseFloat64(''))).toBe('strconv.ParseFloat: parsing "": invalid syntax');
  });

  it('parseDuration and formatDuration', () => {
    const cases: [string, string][] = [
      ['0', '0s'],
      ['10.0m', '10m0s'],
      ['1h2m3.5s', '1h2m3.5s'],
      ['-1.5h', '-1h30m0s'],
      ['1500ms', '1.5s'],
      ['2us', '2\u00c2\u00b5s'],
      ['3\u00ce\u00bcs', '3\u00c2\u00b5s'],
      ['12ns', '12ns'],
      ['1.000001ms', '1.000001ms'],
      ['.5s', '500ms'],
    ];
    for (const [in_, out] of cases) expect(formatDuration(parseDuration(in_)), in_).toBe(out);
    expect(msg(() => parseDuration(''))).toBe('time: invalid duration ""');
    expect(msg(() => parseDuration('1'))).toBe('time: missing unit in duration "1"');
    expect(msg(() => parseDuration('1x'))).toBe('time: unknown unit "x" in duration "1x"');
    expect(msg(() => parseDuration('.s'))).toBe('time: invalid duration ".s"');
    expect(msg(() => parseDuration('1\u00e9s'))).toBe('time: unknown unit "\\xe9s" in duration "1\\xe9s"');
  });
});
