// Where Go's harness crashes (t.Fatal, panics, index out of range, endless
// loops) the environment throws a DirectiveError instead; outputs that Go
// produces stay as they are.
import { describe, expect, it } from 'vitest';
import { DirectiveError } from '../../src/datadriven/errors.js';
import { readAll } from '../../src/datadriven/reader.js';
import { InteractionEnv, indentLines } from '../../src/interaction/env.js';
import { OutputBuffer, RedirectLogger } from '../../src/interaction/logger.js';

/** Runs one directive (a line, optionally input lines) and returns its output. */
function run(env: InteractionEnv, directive: string, input = ''): string {
  const [d] = readAll(`${directive}\n${input === '' ? '' : input + '\n'}----\n`);
  return env.handle(d!);
}

function script(env: InteractionEnv, ...directives: string[]): void {
  for (const d of directives) run(env, d);
}

function threeNodes(): InteractionEnv {
  const env = new InteractionEnv();
  script(env, 'log-level none', 'add-nodes 3 voters=(1,2,3) index=2', 'log-level info');
  return env;
}

function expectDirectiveError(f: () => unknown, re: RegExp): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DirectiveError);
  expect((caught as Error).message).toMatch(re);
}

describe('outputs Go produces', () => {
  it('unknown command and ok', () => {
    const env = new InteractionEnv();
    expect(run(env, 'frobnicate 1')).toBe('unknown command');
    expect(run(env, 'breakpoint')).toBe('unknown command');
    expect(run(env, '_breakpoint')).toBe('ok');
    expect(run(env, 'log-level info')).toBe('ok');
  });

  it('errors are written even at log level NONE', () => {
    const env = new InteractionEnv();
    expect(run(env, 'log-level none')).toBe('ok');
    expect(run(env, 'log-level bogus')).toBe('log levels must be either of [DEBUG INFO WARN ERROR FATAL NONE]');
    expect(run(env, 'add-nodes 1 voters=(1) index=1')).toBe('index must be specified as > 1 due to bootstrap');
  });

  it('argument errors Go returns as output', () => {
    const env = threeNodes();
    expect(run(env, 'add-nodes 1 read-only=sometimes')).toBe('invalid read-only option "sometimes"');
    expect(run(env, 'compact 1 x')).toBe('strconv.ParseUint: parsing "x": invalid syntax');
    expect(run(env, 'propose-conf-change 1 v1=maybe', 'v2')).toBe('strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(run(env, 'propose-conf-change 1 transition=sideways', 'v2')).toBe('unknown transition sideways');
    expect(run(env, 'propose-conf-change 1 foo=bar', 'v2')).toBe('unknown command foo');
    expect(run(env, 'propose-conf-change 1 v1=true', 'v2 v3')).toBe(
      'v1 conf change can only have one operation and no transition',
    );
    expect(run(env, 'report-unreachable 1')).toBe(
      'must specify exactly two node indexes: node on which to report, and reported node',
    );
    expect(run(env, 'stabilize log-level=loud')).toBe('log levels must be either of [DEBUG INFO WARN ERROR FATAL NONE]');
    expect(run(env, 'deliver-msgs 7')).toBe('no messages\n');
  });

  it('warns about unknown options and extra arguments, which Go silently ignores', () => {
    const a = new InteractionEnv();
    const b = new InteractionEnv();
    const notes: string[] = [];
    const [d] = readAll('add-nodes 2 voters=(1,2) index=2 colour=blue\n----\n');
    d!.log = (m: string) => notes.push(m);
    expect(a.handle(d!)).toBe(run(b, 'add-nodes 2 voters=(1,2) index=2'));
    expect(notes).toEqual([
      expect.stringMatching(/^warning: add-nodes: unknown option colour \(options: voters, .*\); ignored, as etcd's harness does/),
    ]);
  });

  it('rejects unknown options and extra arguments in strict mode', () => {
    const a = new InteractionEnv({ strictArgs: true });
    expect(() => run(a, 'add-nodes 2 voters=(1,2) index=2 colour=blue')).toThrow(/add-nodes: unknown option colour \(options: voters,/);
    run(a, 'add-nodes 2 voters=(1,2) index=2');
    expect(() => run(a, 'deliver-msgs 1 colour=blue')).toThrow('deliver-msgs: unknown option colour (options: drop, type)');
    expect(() => run(a, 'stabilize colour=blue')).toThrow('stabilize: unknown option colour (options: log-level)');
    expect(() => run(a, 'campaign 1 2')).toThrow('campaign: unexpected argument 2 (usage: campaign <id>)');
    expect(() => run(a, 'raft-state 1')).toThrow('raft-state: unexpected argument 1 (usage: raft-state)');
    expect(() => run(a, 'process-ready 1 x=1')).toThrow('process-ready: unknown option x (it takes no options)');
  });
});

describe('script errors (Go crashes)', () => {
  it('missing or malformed node ids', () => {
    const env = threeNodes();
    expectDirectiveError(() => run(env, 'campaign'), /campaign: missing first argument/);
    expectDirectiveError(() => run(env, 'campaign x'), /campaign: .*strconv.Atoi: parsing "x": invalid syntax/);
    expectDirectiveError(() => run(env, 'campaign 4'), /campaign: node 4 does not exist \(node ids are 1\.\.3\)/);
    expectDirectiveError(() => run(env, 'campaign 0'), /node 0 does not exist/);
    expectDirectiveError(() => run(env, 'raft-log 9'), /node 9 does not exist/);
    expectDirectiveError(() => run(env, 'status 9'), /node 9 does not exist/);
    expectDirectiveError(() => run(env, 'tick-election 9'), /node 9 does not exist/);
    expectDirectiveError(() => run(env, 'process-ready 1 9'), /node 9 does not exist/);
    expectDirectiveError(() => run(env, 'stabilize 1 9'), /node 9 does not exist/);
    expectDirectiveError(() => run(env, 'report-unreachable 1 9'), /node 9 does not exist/);
    expectDirectiveError(() => run(env, 'log-level'), /log-level: missing argument/);
    expectDirectiveError(() => run(new InteractionEnv(), 'campaign 1'), /no nodes have been added/);
  });

  it('process-ready checks every node before doing anything', () => {
    const env = threeNodes();
    run(env, 'campaign 1');
    expectDirectiveError(() => run(env, 'process-ready 1 4'), /node 4 does not exist/);
    expect(run(env, 'process-ready 1')).toMatch(/^Ready MustSync=true:/);
  });

  it('deliver-msgs', () => {
    const env = threeNodes();
    expectDirectiveError(() => run(env, 'deliver-msgs type=MsgFoo'), /unknown message type MsgFoo/);
    expectDirectiveError(() => run(env, 'deliver-msgs 1 drop=1'), /can't both deliver and drop msgs to 1/);
    expectDirectiveError(() => run(env, 'deliver-msgs x'), /recipients must be node ids/);
    expectDirectiveError(() => run(env, 'deliver-msgs drop=x'), /drop: strconv.ParseUint/);
    // A message to a node that was never added: Go indexes past the node list.
    run(env, 'send-snapshot 1 5');
    expectDirectiveError(() => run(env, 'deliver-msgs 5'), /node 5, which does not exist/);
    expect(run(env, 'deliver-msgs drop=5')).toMatch(/^dropped: 1->5 MsgSnap/);
  });

  it('add-nodes', () => {
    expectDirectiveError(() => run(new InteractionEnv(), 'add-nodes'), /missing first argument/);
    expectDirectiveError(() => run(new InteractionEnv(), 'add-nodes voters=(1)'), /first argument must be/);
    expectDirectiveError(() => run(new InteractionEnv(), 'add-nodes 1 voters=(x)'), /voters: strconv.ParseUint/);
    expectDirectiveError(() => run(new InteractionEnv(), 'add-nodes 1 prevote=yes'), /prevote: strconv.ParseBool/);
    expectDirectiveError(() => run(new InteractionEnv(), 'add-nodes 1 inflight=0'), /max inflight messages must be greater than 0/);
    expectDirectiveError(
      () => run(new InteractionEnv(), 'add-nodes 1 read-only=lease-based'),
      /CheckQuorum must be enabled/,
    );
  });

  it('add-nodes content= becomes the snapshot data', () => {
    const env = new InteractionEnv();
    run(env, 'log-level none');
    run(env, 'add-nodes 2 voters=(1,2) index=5 content=foo');
    const snap = env.nodes[0]!.applied.snapshot();
    expect(Buffer.from(snap.data!).toString('latin1')).toBe('foo');
    expect(snap.metadata.index).toBe(5);
    expect(snap.metadata.term).toBe(1);
    run(env, 'campaign 1');
    run(env, 'stabilize');
    run(env, 'propose 1 bar');
    run(env, 'stabilize');
    expect(Buffer.from(env.nodes[1]!.applied.snapshot().data!).toString('latin1')).toBe('foobar');
  });

  it('propose, propose-conf-change, compact, transfer-leadership, timeouts, send-snapshot', () => {
    const env = threeNodes();
    expectDirectiveError(() => run(env, 'propose 1'), /propose: expected exactly one key with no vals.*nothing/);
    expectDirectiveError(() => run(env, 'propose 1 a b'), /got: a b/);
    expectDirectiveError(() => run(env, 'propose 1 a=b'), /got: a=\(b\)/);
    expectDirectiveError(() => run(env, 'propose-conf-change 1 v1=true'), /needs exactly one operation/);
    expectDirectiveError(() => run(env, 'compact 1'), /compact: missing second argument/);
    expect(run(env, 'compact 1 99999999999999999999')).toBe(
      'strconv.ParseUint: parsing "99999999999999999999": value out of range',
    );
    expectDirectiveError(() => run(env, 'compact 1 9007199254740993'), /compact: value 9007199254740993 is larger than/);
    expectDirectiveError(() => run(env, 'transfer-leadership to=2'), /missing argument: from/);
    expectDirectiveError(() => run(env, 'transfer-leadership from=1 to=9'), /expected valid "to" argument/);
    expectDirectiveError(() => run(env, 'transfer-leadership from=0 to=1'), /expected valid "from" argument/);
    expectDirectiveError(() => run(env, 'set-randomized-election-timeout 1'), /missing argument: timeout/);
    expectDirectiveError(() => run(env, 'set-randomized-election-timeout 1 timeout=0'), /must not be zero/);
    expectDirectiveError(() => run(env, 'set-randomized-election-timeout 1 timeout=x'), /timeout: strconv/);
    expectDirectiveError(() => run(env, 'send-snapshot 1'), /exactly two node ids/);
  });

  it('compacting beyond the log: MemoryStorage panics', () => {
    const env = threeNodes();
    expectDirectiveError(() => run(env, 'compact 1 100'), /^compact: raft panicked: compact 100 is out of bound lastindex\(2\)$/);
  });

  it('a raft panic becomes a DirectiveError', () => {
    const env = threeNodes();
    // Raft panics through its logger's panicf; simulate one inside campaign().
    const n = env.nodes[1]!;
    const panicky = () =>
      env.handle({ pos: 'x:1', cmd: 'campaign', cmdArgs: [{ key: '2', vals: [] }], input: '' });
    (n.rawNode as unknown as { campaign: () => never }).campaign = () => env.output.panicf('boom %d', 42);
    expectDirectiveError(panicky, /^campaign: raft panicked: boom 42$/);
  });

  it('stabilize that does not converge reports the cycling nodes and messages', () => {
    const env = new InteractionEnv({ maxStabilizeRounds: 2 });
    script(env, 'log-level none', 'add-nodes 3 voters=(1,2,3) index=2', 'campaign 1');
    expectDirectiveError(
      () => run(env, 'stabilize'),
      /stabilize: did not converge after 2 rounds; active in the last 2 rounds: node 1 \(handling Ready; receiving MsgVoteResp\), node 2 \(handling Ready; receiving MsgVote\)/,
    );
    // The log level is restored after a failed stabilize.
    const env2 = new InteractionEnv({ maxStabilizeRounds: 2 });
    script(env2, 'add-nodes 3 voters=(1,2,3) index=2', 'campaign 1');
    expect(() => run(env2, 'stabilize log-level=none')).toThrow(DirectiveError);
    expect(env2.output.lvl).toBe(0);
  });

  it('rejects a bad maxStabilizeRounds', () => {
    expect(() => new InteractionEnv({ maxStabilizeRounds: 0 })).toThrow(RangeError);
  });
});

describe('logger and indentation', () => {
  it('printf adds a newline unless the format ends with one; print is Println', () => {
    const b = new OutputBuffer();
    const l = new RedirectLogger(b, 0);
    l.infof('a %d', 1);
    l.infof('b\n');
    l.infof('');
    l.debug('x', 2, 3);
    l.warning();
    expect(b.toString()).toBe('INFO a 1\nINFO b\nINFO DEBUG x 2 3\nWARN \n');
    l.lvl = 2;
    l.infof('hidden');
    l.errorf('shown');
    expect(b.toString()).toMatch(/ERROR shown\n$/);
    l.lvl = 5;
    l.errorf('quiet');
    l.write('quiet');
    expect(b.toString()).not.toMatch(/quiet/);
    expect(() => l.panicf('boom %d', 7)).toThrow('boom 7');
  });

  it('withIndent follows bufio.ScanLines', () => {
    expect(indentLines('a\nb')).toBe('  a\n  b\n');
    expect(indentLines('a\r\n\nb\n')).toBe('  a\n  \n  b\n');
    expect(indentLines('\n')).toBe('  \n');
  });
});

describe('numbers beyond 2^53-1', () => {
  it('are script errors, never output, even where Go would print its own parse errors', () => {
    const env = new InteractionEnv();
    run(env, 'log-level none');
    run(env, 'add-nodes 1 voters=(1) index=2');
    expect(() => run(env, 'propose-conf-change 1', 'v9007199254740992')).toThrow(
      /propose-conf-change: value 9007199254740992 is larger than 9007199254740991/,
    );
    expect(() => run(env, 'compact 1 9007199254740993')).toThrow(/compact: value 9007199254740993 is larger/);
    // A real Go parse error stays output.
    expect(run(env, 'propose-conf-change 1', 'vx')).toBe('strconv.ParseUint: parsing "x": invalid syntax');
  });
});
