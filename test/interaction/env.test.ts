// The environment's own machinery: applied state, options, randomness.
import { describe, expect, it } from 'vitest';
import { readAll } from '../../src/datadriven/reader.js';
import { AppliedState } from '../../src/interaction/applied.js';
import { InteractionEnv } from '../../src/interaction/env.js';
import { newConfState, newSnapshot } from '../../src/raftpb/types.js';
import { bytesOf, byteString } from '../../src/util/bytes.js';

function run(env: InteractionEnv, directive: string): string {
  return env.handle(readAll(`${directive}\n----\n`)[0]!);
}

describe('AppliedState', () => {
  it('keeps what Go keeps in History[len-1]', () => {
    const a = new AppliedState(newSnapshot({ metadata: { index: 2, term: 1, confState: newConfState({ voters: [1] }) } }));
    expect(a.snapshot().data).toBeUndefined();
    a.apply(undefined, 3, 1, undefined);
    expect(a.snapshot().data).toBeUndefined();
    a.apply(bytesOf('ab'), 4, 2, undefined);
    a.apply(bytesOf('c'), 5, 2, newConfState({ voters: [1, 2] }));
    const s = a.snapshot();
    expect(byteString(s.data!)).toBe('abc');
    expect(s.metadata).toEqual({ index: 5, term: 2, confState: newConfState({ voters: [1, 2] }) });
    expect(a.historyLength).toBe(4);
    expect(a.snapshot()).toBe(s);
    a.apply(bytesOf('d'), 6, 2, undefined);
    expect(byteString(a.snapshot().data!)).toBe('abcd');
    expect(a.snapshot().metadata.confState.voters).toEqual([1, 2]);
  });

  it('starts from the initial data', () => {
    const a = new AppliedState(newSnapshot({ data: bytesOf('x'), metadata: { index: 5, term: 1 } }));
    expect(byteString(a.snapshot().data!)).toBe('x');
    a.apply(bytesOf('y'), 6, 1, undefined);
    expect(byteString(a.snapshot().data!)).toBe('xy');
  });
});

describe('options', () => {
  it('every node draws from the environment generator', () => {
    const env = new InteractionEnv({ seed: 7 });
    run(env, 'log-level none');
    run(env, 'add-nodes 2 voters=(1,2) index=2');
    expect(env.nodes[0]!.config.random).toBe(env.random);
    expect(env.nodes[1]!.config.random).toBe(env.random);
  });

  it('the same seed gives the same run', () => {
    const script = (seed: number): string => {
      const env = new InteractionEnv({ seed });
      const out: string[] = [];
      for (const d of ['add-nodes 3 voters=(1,2,3) index=2', 'tick-election 1', 'tick-election 1', 'tick-election 2', 'stabilize']) {
        out.push(run(env, d));
      }
      return out.join('\n');
    };
    expect(script(3)).toBe(script(3));
  });

  it('nodeDefaults apply before the command options', () => {
    const env = new InteractionEnv({ nodeDefaults: { electionTick: 10, heartbeatTick: 2, prevote: true, inflight: 4 } });
    run(env, 'log-level none');
    run(env, 'add-nodes 1 voters=(1) index=2 prevote=false');
    const c = env.nodes[0]!.config;
    expect([c.electionTick, c.heartbeatTick, c.preVote, c.maxInflightMsgs]).toEqual([10, 2, false, 4]);
  });

  it('onConfig may adjust the config but not the id or logger', () => {
    const env = new InteractionEnv({ onConfig: (c) => (c.electionTick = 7) });
    run(env, 'log-level none');
    run(env, 'add-nodes 1');
    expect(env.nodes[0]!.config.electionTick).toBe(7);
    expect(run(new InteractionEnv({ onConfig: (c) => (c.id = 9) }), 'add-nodes 1')).toBe('OnConfig must not change the ID');
    const env2 = new InteractionEnv();
    const env3 = new InteractionEnv({ onConfig: (c) => (c.logger = env2.output) });
    expect(run(env3, 'add-nodes 1')).toBe('OnConfig must not set Logger');
  });
});
