// Ports of upstream datadriven_test.go (and diagram/whiteboard_test.go),
// driven over the shared golden files.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatDuration,
  parseLine,
  runContent,
  runFile,
  runTestFromString,
  walk,
  Whiteboard,
  type RunResult,
  type TestData,
} from '../src/datadriven/index.js';
import { goQuote } from '../src/datadriven/gostr.js';
import { allConformanceFiles, ddPath, goStringSlice, haveConformance, verifiedFiles } from './datadriven/helpers.js';

function expectOk(r: RunResult): void {
  expect(r.error).toBeUndefined();
  expect(r.failures.map((f) => `${f.pos}: expected ${JSON.stringify(f.expected)} got ${JSON.stringify(f.actual)}`)).toEqual([]);
  expect(r.ok).toBe(true);
}

describe('upstream datadriven_test.go', () => {
  it('TestNewLineBetweenDirectives', () => {
    const r = runTestFromString(
      `
# Some testing of sensitivity to newlines
foo
----
unknown command

bar
----
unknown command




bar
----
unknown command
`,
      (d) => (d.input !== 'sentence' ? 'unknown command' : ''),
    );
    expectOk(r);
    expect(r.directives.map((d) => d.pos)).toEqual(['<string>:3', '<string>:7', '<string>:14']);
  });

  it('TestParseLine', () => {
    const r = runTestFromString(
      `
parse
xx =
----
here: cannot parse directive at column 4: xx =

parse
xx a=b a=c
----
"xx" [a=b a=c]

parse
xx a=b b=c c=(1,2,3)
----
"xx" [a=b b=c c=(1, 2, 3)]
`,
      (d) => {
        try {
          const { cmd, cmdArgs } = parseLine(d.input);
          return `${goQuote(cmd)} [${cmdArgs.map(String).join(' ')}]`;
        } catch (e) {
          return `here: ${(e as Error).message}`;
        }
      },
    );
    expectOk(r);
    expect(r.directives).toHaveLength(3);
  });

  it('TestSkip', () => {
    let reached = false;
    const r = runTestFromString(
      `
skip
----

# This error should never happen.
error
----
`,
      (d) => {
        if (d.cmd === 'skip') d.skip('woo');
        reached = true;
        return d.fatal('never reached');
      },
    );
    expect(reached).toBe(false);
    expect(r.error).toBeUndefined();
    expect(r.skipped).toEqual({ pos: '<string>:2', reason: 'woo' });
    expect(r.ok).toBe(true);
  });

  it.skipIf(!haveConformance)('TestSubTest', () => {
    const names: string[] = [];
    const r = runFile(ddPath('subtest'), (d) => {
      names.push(d.name);
      switch (d.cmd) {
        case 'hello':
          return `${d.cmdArgs[0]!.key} was said`;
        case 'skip':
          return d.skip('woo');
        case 'error':
          return d.fatal('never reached');
        default:
          return d.fatal(`unknown directive: ${d.cmd}`);
      }
    });
    expectOk(r);
    expect(r.directives).toHaveLength(3);
    expect(names).toEqual(['', 'hai', 'hai/woo']);
    verifiedFiles.add(ddPath('subtest'));
  });

  it.skipIf(!haveConformance)('TestMultiLineTest', () => {
    const r = runFile(ddPath('multiline'), (d) => {
      switch (d.cmd) {
        case 'small':
          return 'just\ntwo lines of output';
        case 'large':
          return 'more\nthan\nfive\nlines\nof\noutput';
        default:
          return d.fatal(`unknown directive: ${d.cmd}`);
      }
    });
    expectOk(r);
    expect(r.directives).toHaveLength(2);
    verifiedFiles.add(ddPath('multiline'));
  });

  it.skipIf(!haveConformance)('TestRetry', () => {
    // Go increments from goroutines after random delays; here the pending
    // increments land a few at a time as the reads retry.
    let v = 0;
    let pending = 0;
    let seed = 42;
    const rand = (n: number): number => {
      // xorshift32
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const r = runFile(ddPath('retry'), (d) => {
      switch (d.cmd) {
        case 'inc':
          pending += d.maybeScanArgs('n', 'int') ?? 1;
          return '';
        case 'read':
          return d.retry(() => {
            const k = Math.min(pending, rand(4));
            pending -= k;
            v += k;
            return String(v);
          });
        default:
          return d.fatal(`unknown directive: ${d.cmd}`);
      }
    });
    expectOk(r);
    expect(v).toBe(21);
    expect(r.logs.some((l) => /^.*retry:\d+: retried \d+ times$/.test(l))).toBe(true);
    verifiedFiles.add(ddPath('retry'));
  });

  it.skipIf(!haveConformance)('TestDirective', () => {
    const r = runFile(ddPath('directive'), (d) => {
      const out = [`cmd: ${d.cmd}`, `${d.cmdArgs.length} arguments`];
      for (const a of d.cmdArgs) out.push(`key=${goQuote(a.key)} vals=${goStringSlice(a.vals)}`);
      return out.join('\n') + '\n';
    });
    expectOk(r);
    expect(r.directives).toHaveLength(7);
    verifiedFiles.add(ddPath('directive'));
  });

  it.skipIf(!haveConformance)('TestWalk', () => {
    const seen: string[] = [];
    walk(ddPath('walk'), (path, name) => {
      seen.push(name);
      const r = runFile(path, (d) => `test name: TestWalk/${d.name}\n`, { name });
      expectOk(r);
      expect(r.directives).toHaveLength(2);
      verifiedFiles.add(path);
    });
    expect(seen).toEqual(['ext', 'noext']);
  });

  it.skipIf(!haveConformance)('TestRewrite', () => {
    const dir = ddPath('rewrite');
    const tests: string[] = [];
    for (const name of readdirSync(dir)) {
      if (name.endsWith('-before')) tests.push(name.slice(0, -'-before'.length));
      else expect(name.endsWith('-after'), `${name} must end in -before or -after`).toBe(true);
    }
    tests.sort();
    expect(tests).toEqual(['basic', 'eof-1', 'eof-2']);
    const handler = (d: TestData): string => {
      switch (d.cmd) {
        case 'noop':
          return d.input;
        case 'duplicate':
          return `${d.input}\n${d.input}`;
        case 'duplicate-with-blank':
          return `${d.input}\n\n${d.input}`;
        case 'no-output':
          return '';
        default:
          return d.fatal(`unknown directive ${d.cmd}`);
      }
    };
    for (const test of tests) {
      const path = `${dir}/${test}-before`;
      const r = runContent(readFileSync(path, 'latin1'), path, handler, { rewrite: true });
      expect(r.error).toBeUndefined();
      const after = readFileSync(`${dir}/${test}-after`, 'latin1');
      expect(r.output, test).toBe(after);
      // The rewritten file passes and rewrites to itself.
      expectOk(runContent(after, path, handler));
      expect(runContent(after, path, handler, { rewrite: true }).output).toBe(after);
      verifiedFiles.add(path);
      verifiedFiles.add(`${dir}/${test}-after`);
    }
  });

  it('TestMaybeScan_Noop', () => {
    const r = runTestFromString(
      `
cmd
----
"", "", ""
`,
      (d) => {
        const [x, y, z] = d.maybeScanArgs('vals', 'string', 'string', 'string') ?? ['', '', ''];
        return [x, y, z].map(goQuote).join(', ');
      },
    );
    expectOk(r);
  });

  it('TestScanArgsExpansion', () => {
    const r = runTestFromString(
      `
cmd vals=(foo, bar, bax)
----
"foo", "bar", "bax"
`,
      (d) => d.scanArgs('vals', 'string', 'string', 'string').map(goQuote).join(', '),
    );
    expectOk(r);
  });

  it('TestScanArgsSingle', () => {
    const check = <T>(d: TestData, scan: () => T): T => {
      const a = scan();
      expect(d.arg('vals')).toBeDefined();
      expect(d.hasArg('vals')).toBe(true);
      return a;
    };
    const r = runTestFromString(
      `
[]string vals=(foo, bar, bax)
----
[]string{"foo", "bar", "bax"}

[]int vals=(1, 2, 3, 4)
----
[]int{1, 2, 3, 4}

[]uint64 vals=(1, 2, 3, 4)
----
[]uint64{0x1, 0x2, 0x3, 0x4}

string vals=(foo)
----
"foo"

bool vals=true
----
true

float64 vals=1.1
----
1.1

[]float64 vals=(1.1, 2.2, 3.3, 4.4)
----
[]float64{1.1, 2.2, 3.3, 4.4}

time.Duration vals=10.0m
----
10m0s
	`,
      (d) => {
        switch (d.cmd) {
          case '[]string': {
            const v = check(d, () => d.scanArgs('vals', 'string[]'));
            expect(d.maybeScanArgs('vals', 'string[]')).toEqual(v);
            return goStringSlice(v);
          }
          case '[]int': {
            const v = check(d, () => d.scanArgs('vals', 'int[]'));
            expect(d.maybeScanArgs('vals', 'int[]')).toEqual(v);
            return `[]int{${v.join(', ')}}`;
          }
          case '[]uint64': {
            const v = check(d, () => d.scanArgs('vals', 'uint64[]'));
            expect(d.maybeScanArgs('vals', 'uint64[]')).toEqual(v);
            return `[]uint64{${v.map((x) => '0x' + x.toString(16)).join(', ')}}`;
          }
          case '[]float64': {
            const v = check(d, () => d.scanArgs('vals', 'float[]'));
            expect(d.maybeScanArgs('vals', 'float[]')).toEqual(v);
            return `[]float64{${v.join(', ')}}`;
          }
          case 'float64': {
            const v = check(d, () => d.scanArgs('vals', 'float'));
            expect(d.maybeScanArgs('vals', 'float')).toBe(v);
            return String(v);
          }
          case 'time.Duration': {
            const v = check(d, () => d.scanArgs('vals', 'duration'));
            expect(d.maybeScanArgs('vals', 'duration')).toBe(v);
            return formatDuration(v);
          }
          case 'string': {
            const v = check(d, () => d.scanArgs('vals', 'string'));
            expect(d.maybeScanArgs('vals', 'string')).toBe(v);
            return goQuote(v);
          }
          case 'bool': {
            const v = check(d, () => d.scanArgs('vals', 'bool'));
            expect(d.maybeScanArgs('vals', 'bool')).toBe(v);
            return String(v);
          }
          default:
            return `unrecognized type ${d.cmd}`;
        }
      },
    );
    expectOk(r);
    expect(r.directives).toHaveLength(8);
  });
});

describe('upstream diagram/whiteboard_test.go', () => {
  // Go's math.Round rounds halves away from zero.
  const goRound = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

  it.skipIf(!haveConformance)('TestDataDriven', () => {
    const r = runFile(ddPath('diagram', 'whiteboard'), (d) => {
      const wb = new Whiteboard();
      switch (d.cmd) {
        case 'simple':
          wb.write(0, 0, 'ello');
          wb.write(0, 7, 'world');
          wb.write(0, -1, 'h');
          break;
        case 'circle': {
          const radius = 6;
          for (let a = 0; a < 360; a++) {
            const radians = (a * Math.PI) / 180;
            const x = Math.trunc(goRound(radius * Math.cos(radians) * 2.5));
            const y = Math.trunc(goRound(radius * Math.sin(radians)));
            wb.write(y, x, '*');
          }
          break;
        }
        case 'axis': {
          const spacing = 4;
          for (let i = -6; i <= 6; i++) {
            const c = i * spacing;
            wb.write(0, c - spacing + 1, '-'.repeat(spacing - 1));
            wb.write(0, c, '|');
            wb.write(0, c + 1, '-'.repeat(spacing - 1));
            wb.write(1, c, '|');
            const str = String(i);
            wb.write(2, c - Math.trunc(str.length / 2), str);
          }
          wb.write(-1, 0, '\u00e2\u0084\u00a4'); // U+2124 as UTF-8
          break;
        }
        default:
          return d.fatal(`unknown command: ${d.cmd}`);
      }
      return wb.toString();
    });
    expectOk(r);
    expect(r.directives).toHaveLength(3);
    verifiedFiles.add(ddPath('diagram', 'whiteboard'));
  });
});

afterAll(() => {
  if (!haveConformance) return;
  const all = allConformanceFiles();
  const ok = all.filter((f) => verifiedFiles.has(f)).length;
  console.log(`conformance datadriven: ${ok}/${all.length} files pass`);
});
