// Rewrite mode: byte-exact splicing, agreement with upstream's algorithm,
// atomic writes, clearResults, and linear-time behaviour on large files.

import {
  chmodSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearResults,
  runContent,
  runFile,
  runTestFromString,
  type TestData,
} from '../src/datadriven/index.js';
import { goRewriteModel, tempDir } from './datadriven/helpers.js';

const echo = (d: TestData): string => d.input;
const rewrite = (content: string, h: (d: TestData) => string = echo) =>
  runTestFromString(content, h, { rewrite: true });

describe('rewrite keeps matching files byte for byte', () => {
  const cases: Record<string, string> = {
    'plain': 'a\nx\n----\nx\n\n# c\nb\n----\n\n',
    'no final newline': 'a\nx\n----\nx',
    'trailing blank lines': 'a\nx\n----\nx\n\n\n\n',
    'whitespace terminator': 'a\nx\n----\nx\n  \t\nb\n----\n',
    'double form without blank lines': 'a\nx\n----\n----\nx\n----\n----\n\nb\n----\n',
    'double form at EOF without newline': 'a\nx\n\ny\n----\n----\nx\n\ny\n----\n----',
    'CRLF': 'a\r\nx\r\n----\r\nx\r\n\r\n# c\r\nb\r\n----\r\n\r\n',
    'comments and continuations': '# x\n  a \\\n  k=v  \nx\n----\nx\n\n\n# end\n',
    'binary bytes': 'a\n\u00ff\u00fe\u0000\n----\n\u00ff\u00fe\u0000\n',
  };
  for (const [name, content] of Object.entries(cases)) {
    it(name, () => {
      expect(runTestFromString(content, echo).ok).toBe(true);
      const r = rewrite(content);
      expect(r.error).toBeUndefined();
      expect(r.output).toBe(content);
      expect(r.changed).toBe(false);
      expect(r.directives.every((d) => !d.rewritten)).toBe(true);
    });
  }
});

describe('rewrite regenerates blocks like upstream', () => {
  it('single and double forms', () => {
    const r = rewrite('a\nx\n\ny\n----\nold\n\nb\nz\n----\n----\nold\n\nold\n----\n----\n\nc\n----\nq\n', (d) =>
      d.cmd === 'a' ? d.input : d.cmd === 'b' ? d.input : '',
    );
    expect(r.output).toBe(
      'a\nx\n\ny\n----\n----\nx\n\ny\n----\n----\n\nb\nz\n----\nz\n\nc\n----\n',
    );
  });

  it('keeps bytes outside blocks, including CRLF and whitespace', () => {
    const r = rewrite('# c\r\n a k=v \r\nin\r\n----\r\nold\r\n\r\n  \r\nb\r\n----\r\nkeep\r\n', (d) =>
      d.cmd === 'a' ? 'new' : 'keep',
    );
    expect(r.output).toBe('# c\r\n a k=v \r\nin\r\n----\nnew\n\n  \r\nb\r\n----\r\nkeep\r\n');
  });

  it('adds a missing ---- block at the end', () => {
    expect(rewrite('a\nin', echo).output).toBe('a\nin\n----\nin\n');
    expect(rewrite('a\nin\n', echo).output).toBe('a\nin\n----\nin\n');
    expect(rewrite('a', () => '').output).toBe('a\n----\n');
  });

  it('trims the final blank line of a block at the end of the file', () => {
    expect(rewrite('a\n----\nold\n', () => 'new').output).toBe('a\n----\nnew\n');
    expect(rewrite('a\n----\nold\n\n', () => 'new').output).toBe('a\n----\nnew\n');
    expect(rewrite('a\n----\nold', () => 'new').output).toBe('a\n----\nnew\n');
    expect(rewrite('a\n----\nold\n\n', () => 'x\n\ny').output).toBe('a\n----\n----\nx\n\ny\n----\n----\n');
  });

  it('produces no output when the run has an error or is skipped', () => {
    const r = rewrite('a\n----\nx\n\nb =\n----\n');
    expect(r.error).toBeDefined();
    expect(r.output).toBeUndefined();
    const s = rewrite('a\n----\nx\n\nb\n----\n', (d) => (d.cmd === 'b' ? d.skip() : 'y'));
    expect(s.skipped).toBeDefined();
    expect(s.output).toBeUndefined();
  });

  it('sets TestData.rewrite and makes retry call once', () => {
    let calls = 0;
    rewrite('a\n----\nx\n', (d) => {
      expect(d.rewrite).toBe(true);
      return d.retry(() => String(++calls));
    });
    expect(calls).toBe(1);
  });

  // Generated files: every output block is regenerated (outputs never match),
  // so the result must equal upstream's full re-emission.
  const text = fc.constantFrom('x', 'y z', '  indented', 'a=b', '----x', 'tail  ', '\u00e9\u00ff', '#not');
  const filler = fc.constantFrom('', '# comment', '  # indented', '   ', '\t');
  const directive = fc.record({
    cmd: fc.constantFrom('cmd', 'other a=1', 'c k=(1, 2) z='),
    split: fc.boolean(),
    input: fc.array(fc.oneof(text, fc.constant('')), { maxLength: 3 }),
    block: fc.oneof(
      fc.record({ kind: fc.constant('single' as const), lines: fc.array(text, { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('double' as const), lines: fc.array(fc.oneof(text, fc.constant('')), { maxLength: 4 }) }),
    ),
    terminator: fc.constantFrom('', '  '),
  });
  type Directive = typeof directive extends fc.Arbitrary<infer T> ? T : never;
  const file = fc.record({
    items: fc.array(fc.oneof(filler.map((f) => ({ filler: f })), directive.map((d) => ({ d }))), { maxLength: 8 }),
    last: directive,
    lastNoSeparator: fc.boolean(),
    lastTerminated: fc.boolean(),
  });
  const output = fc.array(fc.oneof(text, fc.constantFrom('', ' ', '\t')), { maxLength: 4 }).chain((lines) =>
    fc.boolean().map((nl) => lines.join('\n') + (nl && lines.length > 0 ? '\n' : '')),
  );

  function render(
    f: { items: ({ filler: string } | { d: Directive })[]; last: Directive; lastNoSeparator: boolean; lastTerminated: boolean },
  ): string {
    const lines: string[] = [];
    const emit = (d: Directive, last: boolean): void => {
      if (d.split && d.cmd.includes(' ')) {
        const i = d.cmd.indexOf(' ');
        lines.push(d.cmd.slice(0, i) + ' \\', '   ' + d.cmd.slice(i + 1));
      } else {
        lines.push(d.cmd);
      }
      lines.push(...d.input.filter((l) => !(last && f.lastNoSeparator && l === '')));
      if (last && f.lastNoSeparator) return;
      lines.push('----');
      if (d.block.kind === 'single') {
        lines.push(...d.block.lines);
        if (!last || f.lastTerminated || d.block.lines.length === 0) lines.push(d.terminator);
      } else {
        lines.push('----', ...d.block.lines, '----', '----');
        if (!last || f.lastTerminated) lines.push('');
      }
    };
    for (const it of f.items) {
      if ('filler' in it) lines.push(it.filler);
      else emit(it.d, false);
    }
    emit(f.last, true);
    return lines.join('\n') + '\n';
  }

  it('matches upstream on generated files (all blocks regenerated)', () => {
    fc.assert(
      fc.property(file, fc.array(output, { minLength: 1, maxLength: 5 }), (f, outs) => {
        const content = render(f);
        const out = (i: number): string => `out${i}\n${outs[i % outs.length]}`;
        let n = 0;
        const r = rewrite(content, () => out(n++));
        expect(r.error).toBeUndefined();
        expect(r.output).toBe(goRewriteModel(content, out));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent and the result passes (generated files)', () => {
    fc.assert(
      fc.property(file, fc.array(output, { minLength: 1, maxLength: 5 }), (f, outs) => {
        const content = render(f);
        const handler = () => {
          let n = 0;
          return () => outs[n++ % outs.length]!;
        };
        const r1 = rewrite(content, handler());
        expect(r1.error).toBeUndefined();
        const r2 = rewrite(r1.output!, handler());
        expect(r2.output).toBe(r1.output);
        expect(r2.changed).toBe(false);
        const c = runTestFromString(r1.output!, handler());
        expect(c.ok).toBe(true);
        expect(c.directives.map((d) => d.directive)).toEqual(r1.directives.map((d) => d.directive));
      }),
      { numRuns: 500 },
    );
  });
});

describe('files', () => {
  let dir = '';
  let cleanup = (): void => {};
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  const write = (name: string, content: string): string => {
    const p = join(dir, name);
    writeFileSync(p, content, 'latin1');
    return p;
  };
  const read = (p: string): string => readFileSync(p, 'latin1');

  it('runFile rewrites atomically, keeping the mode', () => {
    const p = write('t', 'a\n\u00ff\n----\nold\n\n# keep\n');
    chmodSync(p, 0o640);
    const ino = statSync(p).ino;
    const r = runFile(p, echo, { rewrite: true });
    expect(r.written).toBe(true);
    expect(read(p)).toBe('a\n\u00ff\n----\n\u00ff\n\n# keep\n');
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(statSync(p).ino).not.toBe(ino);
    expect(readdirSync(dir)).toEqual(['t']);
  });

  it('runFile does not write an unchanged file', () => {
    const p = write('t', 'a\nx\n----\nx\n');
    const ino = statSync(p).ino;
    const r = runFile(p, echo, { rewrite: true });
    expect(r.written).toBe(false);
    expect(r.changed).toBe(false);
    expect(statSync(p).ino).toBe(ino);
  });

  it('runFile leaves a file whose run fails untouched', () => {
    const content = 'a\nx\n----\nold\n\nb\n----\nold\n';
    const p = write('t', content);
    const r = runFile(p, (d) => (d.cmd === 'b' ? d.fatal('nope') : 'new'), { rewrite: true });
    expect(r.error?.pos).toBe(`${p}:6`);
    expect(r.written).toBe(false);
    expect(read(p)).toBe(content);
    const r2 = runFile(p, () => {
      throw new Error('crash');
    }, { rewrite: true });
    expect(r2.error?.kind).toBe('panic');
    expect(read(p)).toBe(content);
  });

  it('runFile in compare mode never writes', () => {
    const p = write('t', 'a\nx\n----\nold\n');
    const r = runFile(p, echo);
    expect(r.failures).toHaveLength(1);
    expect(r.output).toBeUndefined();
    expect(read(p)).toBe('a\nx\n----\nold\n');
  });

  it('clearResults empties every output and writes the file', () => {
    const p = write(
      't',
      '# c\na\nin\n----\nx\n\nsubtest s\n\nb\n----\n----\ny\n\nz\n----\n----\n\nsubtest end\n\nc\n----\nq\n',
    );
    expect(clearResults(p)).toBeNull();
    expect(read(p)).toBe('# c\na\nin\n----\n\nsubtest s\n\nb\n----\n\nsubtest end\n\nc\n----\n');
    expect(clearResults(p)).toBeNull();
    expect(read(p)).toBe('# c\na\nin\n----\n\nsubtest s\n\nb\n----\n\nsubtest end\n\nc\n----\n');
  });

  it('clearResults reports errors and leaves bad files alone', () => {
    expect(clearResults(dir)?.message).toBe(`${dir} is a directory, not a file`);
    expect(clearResults(join(dir, 'nope'))?.message).toBe(`open ${join(dir, 'nope')}: no such file or directory`);
    const p = write('bad', 'a\n----\nx\n\nb =\n');
    expect(clearResults(p)?.message).toBe(`${p}:5: cannot parse directive at column 3: b =`);
    expect(read(p)).toBe('a\n----\nx\n\nb =\n');
  });
});

describe('large files', () => {
  it('parses, compares and rewrites a large file', () => {
    const n = 60_000;
    const parts: string[] = ['# big file\n'];
    for (let i = 0; i < n; i++) {
      parts.push(`cmd id=${i} vals=(1, 2, (3, 4))\ninput line ${i}\n----\noutput ${i}\nsecond line\n\n`);
    }
    const content = parts.join('');
    expect(content.length).toBeGreaterThan(4_000_000);
    const handler = (d: TestData): string => `output ${d.scanArgs('id', 'uint64')}\nsecond line\n`;

    const c = runContent(content, 'big', handler);
    expect(c.ok).toBe(true);
    expect(c.directives).toHaveLength(n);

    const same = runContent(content, 'big', handler, { rewrite: true });
    expect(same.output).toBe(content);

    const r = runContent(content, 'big', (d) => `changed ${d.cmdArgs[0]!.vals[0]}\n\nblank\n`, {
      rewrite: true,
    });
    expect(r.directives.every((d) => d.rewritten)).toBe(true);
    expect(r.output!.length).toBeGreaterThan(content.length);
  });

  it('handles one huge output block and one huge input', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `line ${i}`);
    const big = lines.join('\n') + '\n';
    const content = `a\n${big}----\n----\n${big}\n${big}----\n----\n`;
    const r = runContent(content, 'big', (d) => `${d.input}\n\n${d.input}\n`);
    expect(r.ok).toBe(true);
    const rw = runContent(content, 'big', () => big, { rewrite: true });
    expect(rw.output).toBe(`a\n${big}----\n${big}`);
  });
});
