import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lastLine, scratch } from './helpers.js';

// A script without outputs: --rewrite fills them in.
const SCRIPT = `# a single-node cluster elects itself
add-nodes 1 voters=(1) index=2
----

campaign 1
----

propose 1 hello
----

stabilize
----
`;

async function recorded(): Promise<{ dir: string; file: string; text: string }> {
  const dir = scratch({ 'single.txt': SCRIPT });
  const file = join(dir, 'single.txt');
  const r = await cli(['run', '--rewrite', file]);
  expect(r.code).toBe(0);
  return { dir, file, text: readFileSync(file, 'latin1') };
}

describe('raftdd run', () => {
  it('records outputs with --rewrite, then passes', async () => {
    const { file, text } = await recorded();
    expect(text).toContain('INFO 1 became leader at term 1\n');
    expect(text).toContain('# a single-node cluster elects itself\n');
    const r = await cli(['run', file]);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toBe('1 passed, 0 failed');
    // Rewriting a passing file changes nothing.
    expect((await cli(['run', '--rewrite', file])).code).toBe(0);
    expect(readFileSync(file, 'latin1')).toBe(text);
  });

  it('reports a mismatch with file:line, the directive and a unified diff (exit 1)', async () => {
    const { file, text } = await recorded();
    writeFileSync(file, text.replace('became leader at term 1', 'became LEADER at term 1'), 'latin1');
    const r = await cli(['run', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL ${file}:18: stabilize`);
    expect(r.stdout).toContain('-  INFO 1 became LEADER at term 1');
    expect(r.stdout).toContain('+  INFO 1 became leader at term 1');
    expect(r.stdout).not.toContain('\x1b[');
    expect(lastLine(r.stdout)).toBe('0 passed, 1 failed');
  });

  it('treats a directive without ---- as empty expected output and says how to record it', async () => {
    const dir = scratch({ 'new.txt': 'add-nodes 1 voters=(1) index=2\n' });
    const file = join(dir, 'new.txt');
    const r = await cli(['run', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no expected output yet');
    expect(r.stdout).toContain('--rewrite');
    expect((await cli(['run', '--rewrite', file])).code).toBe(0);
    expect(readFileSync(file, 'latin1')).toMatch(/^add-nodes 1 voters=\(1\) index=2\n----\nINFO 1 switched/);
    expect((await cli(['run', file])).code).toBe(0);
  });

  const scriptErrors: [string, string, RegExp][] = [
    ['a node that does not exist', 'campaign 7', /:9: campaign: node 7 does not exist/],
    ['a directive that cannot be parsed', 'add-nodes 1 voters=(1', /:9: cannot parse directive at column 20/],
    ['an unknown message type', 'deliver-msgs 1 type=MsgFoo', /:9: deliver-msgs: unknown message type MsgFoo/],
    ['subtest end with no subtest open', 'subtest end', /:9: subtest end without corresponding start/],
    ['a missing argument', 'transfer-leadership from=1', /:9: transfer-leadership: missing argument: to/],
    ['a bad argument', 'propose x foo', /:9: propose: .*invalid syntax/],
    ['a panic inside raft', 'compact 1 100', /:9: compact: raft panicked: compact 100 is out of bound lastindex\(2\)/],
  ];
  for (const [what, directive, message] of scriptErrors) {
    it(`fails with file:line on ${what} (exit 2), leaving the file untouched under --rewrite`, async () => {
      const content = `log-level none\n----\nok\n\nadd-nodes 1 voters=(1) index=2\n----\nok\n\n${directive}\n----\nok\n`;
      const dir = scratch({ 'bad.txt': content });
      const file = join(dir, 'bad.txt');
      const r = await cli(['run', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(message);
      expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace without --debug
      const w = await cli(['run', '--rewrite', file]);
      expect(w.code).toBe(2);
      expect(w.stdout).toContain('was left unchanged');
      expect(readFileSync(file, 'latin1')).toBe(content);
    });
  }

  it('warns about arguments a command does not use, and fails on them with --strict', async () => {
    // etcd's harness ignores them (same output), so by default they are warnings.
    const content = 'log-level none\n----\nok\n\nadd-nodes 1 voters=(1) index=2 bogus=1\n----\nok\n\ncampaign 1 2\n----\nok\n';
    const dir = scratch({ 'unused.txt': content });
    const file = join(dir, 'unused.txt');
    const r = await cli(['run', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:5: warning: add-nodes: unknown option bogus (options: voters,`);
    expect(r.stderr).toContain(`${file}:9: warning: campaign: unexpected argument 2 (usage: campaign <id>)`);
    const strict = await cli(['run', '--strict', '--rewrite', file]);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toMatch(/:5: add-nodes: unknown option bogus/);
    expect(readFileSync(file, 'latin1')).toBe(content);
  });

  it('keeps what the reference answers in its output as output', async () => {
    const dir = scratch({ 'out.txt': 'nonsense-command\n----\nunknown command\n\nlog-level FOO\n----\nlog levels must be either of [DEBUG INFO WARN ERROR FATAL NONE]\n' });
    const r = await cli(['run', join(dir, 'out.txt')]);
    expect(r.code).toBe(0);
  });

  it('shows a stack trace only with --debug', async () => {
    const dir = scratch({ 'p.txt': 'add-nodes 1 voters=(1) index=2\n----\nok\n\ncompact 1 100\n----\nok\n' });
    const r = await cli(['run', '--debug', join(dir, 'p.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/\n\s+at /);
  });

  it('fails with exit 2 on a missing path', async () => {
    const r = await cli(['run', '/nonexistent/raftdd/x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/nonexistent/raftdd/x.txt: no such file or directory');
  });

  it('fails with exit 2 on usage errors', async () => {
    expect((await cli(['run', '--env', 'nope', 'x'])).code).toBe(2);
    expect((await cli(['run', '--seed', 'abc', 'x'])).code).toBe(2);
    expect((await cli(['run', '--no-such-flag'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('walks directories, filters by --filter and stops early with --bail', async () => {
    const { dir, text } = await recorded();
    writeFileSync(join(dir, 'a-bad.txt'), text.replace('term 1', 'term 9'), 'latin1');
    writeFileSync(join(dir, 'b-bad.txt'), text.replace('term 1', 'term 9'), 'latin1');
    writeFileSync(join(dir, 'editor-backup.txt~'), 'garbage', 'latin1');
    let r = await cli(['run', dir]);
    expect(r.code).toBe(1);
    expect(lastLine(r.stdout)).toBe('1 passed, 2 failed');
    r = await cli(['run', '--filter', 'single', dir]);
    expect(lastLine(r.stdout)).toBe('1 passed, 0 failed');
    r = await cli(['run', '--bail', dir]);
    expect(lastLine(r.stdout)).toBe('0 passed, 1 failed');
  });

  it('prints a machine-readable report with --json', async () => {
    const { file, text } = await recorded();
    writeFileSync(file, text.replace('became leader', 'became boss'), 'latin1');
    const r = await cli(['run', '--json', file]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.passed).toBe(0);
    expect(report.failed).toBe(1);
    const f = report.files[0];
    expect(f.status).toBe('failed');
    const bad = f.directives.filter((d: { passed: boolean }) => !d.passed);
    expect(bad).toHaveLength(1);
    expect(bad[0].pos).toBe(`${file}:18`);
    expect(bad[0].directive).toBe('stabilize');
    expect(bad[0].expected).toContain('became boss');
    expect(bad[0].actual).toContain('became leader');
  });

  it('is deterministic for a seed', async () => {
    const script = 'add-nodes 3 voters=(1,2,3) index=2\n----\n\ntick-election 1\n----\n\nstabilize\n----\n';
    const dir = scratch({ 'a.txt': script, 'b.txt': script });
    await cli(['run', '--rewrite', '--seed', '7', join(dir, 'a.txt')]);
    await cli(['run', '--rewrite', '--seed', '7', join(dir, 'b.txt')]);
    expect(readFileSync(join(dir, 'a.txt'), 'latin1')).toBe(readFileSync(join(dir, 'b.txt'), 'latin1'));
    expect((await cli(['run', '--seed', '7', join(dir, 'a.txt')])).code).toBe(0);
  });

  it('runs the other environments', async () => {
    const dir = scratch({ 'q.txt': 'committed cfg=(1,2,3) idx=(10,20,30)\n----\n' });
    expect((await cli(['run', '--env', 'quorum', '--rewrite', join(dir, 'q.txt')])).code).toBe(0);
    expect(readFileSync(join(dir, 'q.txt'), 'latin1')).toContain('20\n');
  });
});

describe('raftdd run on a terminal', () => {
  it('colours the diff, shows progress, and honours NO_COLOR', async () => {
    const { dir, file, text } = await recorded();
    writeFileSync(join(dir, 'b.txt'), text, 'latin1');
    writeFileSync(file, text.replace('became leader', 'became boss'), 'latin1');
    const saved = process.env.NO_COLOR;
    try {
      delete process.env.NO_COLOR;
      let r = await cli(['run', dir], '', true);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('\x1b[31m');
      expect(r.stdout).toContain('\x1b[32m');
      expect(r.stderr).toContain('[1/2]');
      expect(r.stderr).toContain('[2/2]');
      process.env.NO_COLOR = '1';
      r = await cli(['run', dir], '', true);
      expect(r.stdout).not.toContain('\x1b[');
      expect(lastLine(r.stdout)).toBe('1 passed, 1 failed');
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});
