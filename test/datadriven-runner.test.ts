// Runner semantics: comparison, errors, subtests, walking, reports.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cutExt,
  DirectiveError,
  formatFailure,
  formatRunError,
  formatRunResult,
  listTestFiles,
  runFile,
  runTestFromString,
  unifiedDiff,
  walkFiles,
  type Environment,
  type RunResult,
  type TestData,
} from '../src/datadriven/index.js';
import { tempDir } from './datadriven/helpers.js';

const echo = (d: TestData): string => d.input;

function errorOf(r: RunResult): string {
  expect(r.error).toBeDefined();
  return formatRunError(r.error!);
}

describe('comparison', () => {
  it('adds a final newline to the actual output', () => {
    const r = runTestFromString('a\nx\n----\nx\n\nb\n----\n', echo);
    expect(r.ok).toBe(true);
    expect(r.directives.map((d) => d.actual)).toEqual(['x\n', '']);
  });

  it('records mismatches and goes on', () => {
    const r = runTestFromString('a\nx\n----\ny\n\nb\nz\n----\nz\n\nc\nw\n----\nv\n', echo);
    expect(r.ok).toBe(false);
    expect(r.error).toBeUndefined();
    expect(r.directives.map((d) => d.passed)).toEqual([false, true, false]);
    expect(r.failures.map((d) => d.pos)).toEqual(['<string>:1', '<string>:11']);
  });

  it('stops at the first mismatch with stopOnMismatch', () => {
    const r = runTestFromString('a\nx\n----\ny\n\nb\nz\n----\nz\n', echo, { stopOnMismatch: true });
    expect(r.directives).toHaveLength(1);
    expect(r.failures).toHaveLength(1);
    expect(r.error).toBeUndefined();
  });

  it('compares a directive without ---- against empty output', () => {
    expect(runTestFromString('a\n', () => '').ok).toBe(true);
    expect(runTestFromString('a\n', () => 'x').failures).toHaveLength(1);
  });

  it('accepts an environment object and calls onDirective', () => {
    const env: Environment = { handle: (d) => d.cmd.toUpperCase() };
    const seen: string[] = [];
    const r = runTestFromString('ab\n----\nAB\n', env, { onDirective: (x) => seen.push(x.pos) });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(['<string>:1']);
  });

  it('collects logs with positions', () => {
    const r = runTestFromString('a\n----\n\nb\n----\n', (d) => {
      d.log(`hi ${d.cmd}`);
      return '';
    });
    expect(r.logs).toEqual(['<string>:1: hi a', '<string>:4: hi b']);
  });
});

describe('errors stop the file with file:line', () => {
  it('parse errors', () => {
    const r = runTestFromString('a\n----\n\nb =\n----\n\nc\n----\n', () => '');
    expect(r.directives).toHaveLength(1);
    expect(errorOf(r)).toBe('<string>:4: cannot parse directive at column 3: b =');
  });

  it('DirectiveError from a handler (scan failures, fatal)', () => {
    const r = runTestFromString('a\n----\n\nb id=x\n----\n\nc\n----\n', (d) =>
      d.cmd === 'b' ? String(d.scanArgs('id', 'uint64')) : '',
    );
    expect(r.directives).toHaveLength(1);
    expect(r.error!.kind).toBe('error');
    expect(errorOf(r)).toBe(
      '<string>:4: id: failed to scan argument 0: strconv.ParseUint: parsing "x": invalid syntax',
    );
    const r2 = runTestFromString('\n\na\n----\n', () => {
      throw new DirectiveError('bad');
    });
    expect(errorOf(r2)).toBe('<string>:3: bad');
  });

  it('other exceptions are panics', () => {
    const boom = new TypeError('boom');
    const r = runTestFromString('a\n----\n', () => {
      throw boom;
    });
    expect(r.error).toMatchObject({ pos: '<string>:1', kind: 'panic', message: 'boom', cause: boom });
    expect(errorOf(r)).toBe('<string>:1: panic: boom');
  });

  it('a handler returning a non-string', () => {
    const r = runTestFromString('a\n----\n', (() => undefined) as unknown as () => string);
    expect(errorOf(r)).toBe('<string>:1: panic: handler returned undefined, not a string');
  });

  it('missing files and directories', () => {
    const { dir, cleanup } = tempDir();
    try {
      expect(errorOf(runFile(join(dir, 'nope'), echo))).toBe(`open ${join(dir, 'nope')}: no such file or directory`);
      expect(errorOf(runFile(dir, echo))).toBe(
        `${dir} is a directory, not a file; consider using datadriven.Walk`,
      );
    } finally {
      cleanup();
    }
  });
});

describe('subtests', () => {
  const run = (content: string) =>
    runTestFromString(content, (d) => `${d.name}\n`, { name: 'T' });

  it('names directives after nested subtests', () => {
    const r = run(
      'a\n----\nT\n\nsubtest x\n\nb\n----\nT/x\n\nsubtest x/y\nc\n----\nT/x/y\n\nsubtest end x/y\n\nd\n----\nT/x\n\nsubtest end x\n\ne\n----\nT\n',
    );
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.directives.map((d) => d.name)).toEqual(['T', 'T/x', 'T/x/y', 'T/x', 'T']);
  });

  it('reports upstream errors', () => {
    expect(errorOf(run('subtest a b\n'))).toBe('<string>:1: invalid syntax for subtest');
    expect(errorOf(run('subtest end\n'))).toBe('<string>:1: subtest end without corresponding start');
    expect(errorOf(run('subtest end a\n'))).toBe('<string>:1: invalid syntax for subtest');
    expect(errorOf(run('subtest a\nsubtest b\n'))).toBe('<string>:2: name of nested subtest must begin with "a/"');
    expect(errorOf(run('subtest a\nsubtest end a b\n'))).toBe('<string>:2: invalid syntax for subtest end');
    expect(errorOf(run('subtest a\n\nsubtest end b\n'))).toBe(
      '<string>:3: mismatched subtest end directive: expected "b", got "a"',
    );
    expect(errorOf(run('x\n----\n\nsubtest a\n\nb\n----\nT/a\n\n'))).toBe(
      '<string>:6: EOF encountered without subtest end directive\n<string>:4: subtest started here',
    );
  });

  it('rejects skip inside a subtest', () => {
    const r = runTestFromString('subtest a\nskip\n----\n\nsubtest end\n', (d) => d.skip());
    expect(errorOf(r)).toBe('<string>:2: cannot use t.Skip inside subtest\n<string>:1: subtest started here');
  });
});

describe('walk', () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());

  it('lists regular files recursively in byte order, skipping droppings', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const files = ['b.test', 'a', 'b~', '#c#', '.d', 'sub/x.y.z', 'sub/.h', 'sub/deep/q', 'Z'];
    mkdirSync(join(t.dir, 'sub/deep'), { recursive: true });
    for (const f of files) writeFileSync(join(t.dir, f), '');
    symlinkSync(join(t.dir, 'a'), join(t.dir, 'link.t'));
    expect(listTestFiles(t.dir).map((f) => [f.path.slice(t.dir.length + 1), f.name])).toEqual([
      ['Z', 'Z'],
      ['a', 'a'],
      ['b.test', 'b'],
      ['link.t', 'link'],
      ['sub/deep/q', 'sub/deep/q'],
      ['sub/x.y.z', 'sub/x.y'],
    ]);
    expect(walkFiles(join(t.dir, 'a'))).toEqual([join(t.dir, 'a')]);
    expect(listTestFiles(join(t.dir, 'a'))[0]!.name).toBe('');
    expect(() => listTestFiles(join(t.dir, 'missing'))).toThrow();
  });

  it('cutExt', () => {
    expect(['a.b.c', 'a', 'a.', '.a'].map(cutExt)).toEqual(['a.b', 'a', 'a', '']);
  });
});

describe('reports', () => {
  it('formats a failure as a unified diff', () => {
    const r = runTestFromString('cmd k=v\nline 1\n----\na\nb\nc\n', () => 'a\nB\nc\n');
    const text = formatFailure(r.failures[0]!);
    expect(text).toBe(
      [
        '<string>:1:',
        'cmd k=v',
        'line 1',
        "output didn't match expected:",
        '--- expected',
        '+++ actual',
        '@@ -1,3 +1,3 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('x\n', 'x\n')).toBe('');
    expect(unifiedDiff('', 'x\n', 'f:1').split('\n').slice(0, 2)).toEqual(['--- expected f:1', '+++ actual f:1']);
    expect(formatRunResult(r)).toBe(text);
  });
});
