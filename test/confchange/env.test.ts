import { describe, expect, it } from 'vitest';
import { createConfChangeEnv } from '../../src/confchange/env.js';
import { DirectiveError } from '../../src/datadriven/errors.js';

const d = (cmd: string, input = '', args: [string, string[]][] = []) => ({
  pos: 'x.txt:1',
  cmd,
  cmdArgs: args.map(([key, vals]) => ({ key, vals })),
  input,
});

describe('confchange env', () => {
  it('returns bad input and unknown commands as output', () => {
    const env = createConfChangeEnv();
    expect(env.handle(d('simple', 'v'))).toBe('unknown token v');
    expect(env.handle(d('simple', 'x1'))).toBe('unknown input: x1');
    expect(env.handle(d('simple', 'vx'))).toBe('strconv.ParseUint: parsing "x": invalid syntax');
    expect(env.handle(d('simple', 'v99999999999999999999'))).toBe(
      'strconv.ParseUint: parsing "99999999999999999999": value out of range',
    );
    expect(env.handle(d('simple', 'v1  v2'))).toBe('unknown token ');
    expect(env.handle(d('frob', 'v1'))).toBe('unknown command');
    expect(env.handle(d('leave-joint', 'v1'))).toBe('this command takes no input\n');
  });

  it('advances the last index with every directive, including failed ones', () => {
    const env = createConfChangeEnv();
    env.handle(d('frob'));
    env.handle(d('simple', 'x'));
    expect(env.handle(d('simple', 'v1'))).toBe('voters=(1)\n1: StateProbe match=0 next=2\n');
  });

  it('enter-joint autoleave', () => {
    const env = createConfChangeEnv();
    env.handle(d('simple', 'v1'));
    expect(env.handle(d('enter-joint', 'v2', [['autoleave', ['true']]]))).toBe(
      'voters=(1 2)&&(1) autoleave\n1: StateProbe match=0 next=1\n2: StateProbe match=0 next=1\n',
    );
    expect(() => env.handle(d('enter-joint', '', [['foo', ['1']]]))).toThrow('missing argument: autoleave');
    expect(() => env.handle(d('enter-joint', '', [['autoleave', ['maybe']]]))).toThrow(
      'autoleave: failed to scan argument 0: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
    expect(() => env.handle(d('enter-joint', '', [['autoleave', ['maybe']]]))).toThrow(DirectiveError);
  });

  it('trims Go white space around the input', () => {
    const env = createConfChangeEnv();
    expect(env.handle(d('simple', '\u00c2\u00a0v1\t\n'))).toBe('voters=(1)\n1: StateProbe match=0 next=1\n');
  });
});

describe('confchange env and numbers beyond 2^53-1', () => {
  it('reports an inexact node id as a script error, not as output', async () => {
    const { createConfChangeEnv } = await import('../../src/confchange/env.js');
    const { readAll } = await import('../../src/datadriven/reader.js');
    const env = createConfChangeEnv();
    const [d] = readAll('simple\nv9007199254740992\n----\n');
    expect(() => env.handle(d!)).toThrow(/simple: value 9007199254740992 is larger than 9007199254740991/);
    const [ok] = readAll('simple\nvx\n----\n');
    expect(env.handle(ok!)).toBe('strconv.ParseUint: parsing "x": invalid syntax');
  });
});
