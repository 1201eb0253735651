import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/cli/repl.js';
import { ReplSession } from '../../src/cli/repl-session.js';
import { cli, lastLine, scratch } from './helpers.js';

describe('raftdd repl', () => {
  it('runs piped lines, keeps going after errors, and saves a script that raftdd run passes', async () => {
    const dir = scratch();
    const saved = join(dir, 'x.txt');
    const input = [
      'add-nodes 3 voters=(1,2,3) index=2',
      'campaign 1',
      'campaign 9',
      'no-such-command',
      'stabilize',
      'propose-conf-change 1 transition=explicit',
      'l4',
      '',
      'stabilize log-level=none',
      'raft-state',
      `.save ${saved}`,
    ].join('\n');
    const r = await cli(['repl'], input + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('error: campaign: node 9 does not exist');
    expect(r.stdout).toContain('unknown command');
    expect(r.stdout).toContain('1: StateLeader (Voter) Term:1 Lead:1');
    expect(r.stdout).toContain(`saved 7 directives to ${saved}`);
    const script = readFileSync(saved, 'latin1');
    expect(script).toContain('propose-conf-change 1 transition=explicit\nl4\n----\n');
    expect(script).not.toContain('campaign 9');
    const run = await cli(['run', saved]);
    expect(run.code).toBe(0);
    expect(lastLine(run.stdout)).toBe('1 passed, 0 failed');
  });

  it('replays a file given on the command line and with .load, and .reset starts over', async () => {
    const dir = scratch({ 'start.txt': 'add-nodes 2 voters=(1,2) index=2\n----\nok\n' });
    const r = await cli(['repl', join(dir, 'start.txt')], `raft-state\n.reset\nraft-state\n.load ${join(dir, 'start.txt')}\nraft-state\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('replayed 1 directives');
    expect(r.stdout).toContain('environment reset');
    expect(r.stdout.match(/1: StateFollower \(Voter\) Term:0 Lead:0/g)).toHaveLength(2);
  });

  it('lists commands with options and examples in .help', async () => {
    const r = await cli(['repl'], '.help\n.help propose-conf-change\n');
    expect(r.stdout).toContain('add-nodes <count>');
    expect(r.stdout).toContain('example: add-nodes 3 voters=(1,2,3) index=2');
    expect(r.stdout).toContain('transition=…');
    expect(r.stdout).toContain('.save FILE');
  });

  it('works on the other environments', async () => {
    const r = await cli(['repl', '--env', 'confchange'], 'simple\nv1\n\nenter-joint autoleave=true\nv2 v3\n\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('voters=(1)\n1: StateProbe match=0 next=1');
    expect(r.stdout).toContain('voters=(1 2 3)&&(1) autoleave');
  });

  it('reports a bad .save and .load without stopping', async () => {
    const r = await cli(['repl'], '.load /nonexistent/file.txt\n.save /nonexistent/dir/x.txt\n.frob\nraft-state\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/error: .*nonexistent\/file\.txt/);
    expect(r.stdout).toMatch(/error: .*nonexistent\/dir\/x\.txt/);
    expect(r.stdout).toContain('error: unknown REPL command .frob');
  });

  it('completes commands, option names and node ids', () => {
    const s = new ReplSession('interaction', {});
    expect(complete('prop', s)[0]).toEqual(['propose', 'propose-conf-change']);
    expect(complete('.sa', s)[0]).toEqual(['.save']);
    s.feedLine('add-nodes 3 voters=(1,2,3) index=2');
    expect(complete('deliver-msgs ', s)[0]).toEqual(['drop=', 'type=', '1', '2', '3']);
    expect(complete('propose-conf-change 1 tr', s)[0]).toEqual(['transition=']);
  });
});

describe('raftdd repl on a terminal', () => {
  it('keeps a persistent history and prompts for continuation lines', async () => {
    const { PassThrough, Writable } = await import('node:stream');
    const { runRepl } = await import('../../src/cli/repl.js');
    const dir = scratch();
    const historyFile = join(dir, 'history');
    const chunks: string[] = [];
    const output = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(chunk.toString());
        cb();
      },
    });
    const session = async (lines: string) => {
      const input = new PassThrough();
      const done = runRepl({ env: 'interaction', envOptions: {}, input, output, terminal: true, historyFile });
      input.end(lines);
      return done;
    };
    expect(await session('add-nodes 1 voters=(1) index=2\npropose-conf-change 1\nl2\n\n.exit\n')).toBe(0);
    const screen = chunks.join('');
    expect(screen).toContain('raftdd(interaction)> ');
    expect(screen).toContain('... ');
    expect(readFileSync(historyFile, 'utf8')).toBe('add-nodes 1 voters=(1) index=2\npropose-conf-change 1\nl2\n.exit\n');
    // A second session starts with the saved history (newest first in readline).
    expect(await session('raft-state\n')).toBe(0);
    expect(readFileSync(historyFile, 'utf8').trim().split('\n').pop()).toBe('raft-state');
  });
});
