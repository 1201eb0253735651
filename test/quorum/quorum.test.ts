import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JointConfig,
  MajorityConfig,
  MapAckIndexer,
  VoteResult,
  indexString,
  voteResultString,
} from '../../src/quorum/index.js';
import { alternativeMajorityCommittedIndex, createQuorumEnv } from '../../src/quorum/env.js';
import { NO_LIMIT } from '../../src/raftpb/types.js';
import { DirectiveError } from '../../src/datadriven/errors.js';

// Go's smallRandIdxMap: up to 9 distinct ids from [0, 2n) with indexes in [0, n).
const idxMap = fc
  .integer({ min: 0, max: 9 })
  .chain((n) =>
    fc.tuple(
      fc.shuffledSubarray(
        Array.from({ length: 2 * n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      fc.array(fc.integer({ min: 0, max: Math.max(n - 1, 0) }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([ids, idxs]) => new Map(ids.map((id, i) => [id, idxs[i]!])));

describe('quorum', () => {
  it('quick: committedIndex agrees with the alternative computation', () => {
    fc.assert(
      fc.property(idxMap, idxMap, (members, l) => {
        const c = new MajorityConfig(members.keys());
        const ack = new MapAckIndexer(l);
        expect(c.committedIndex(ack)).toBe(alternativeMajorityCommittedIndex(c, ack));
      }),
      { numRuns: 50000 },
    );
  });

  it('committedIndex beyond the 7-voter fast path', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 0, maxLength: 20 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }), { minLength: 20, maxLength: 20 }),
        (ids, idxs) => {
          const c = new MajorityConfig(ids);
          const m = new Map<number, number>();
          ids.forEach((id, i) => {
            if (idxs[i] !== undefined) m.set(id, idxs[i]!);
          });
          const ack = new MapAckIndexer(m);
          expect(c.committedIndex(ack)).toBe(alternativeMajorityCommittedIndex(c, ack));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('empty configs', () => {
    const l = new MapAckIndexer(new Map([[1, 5]]));
    expect(new MajorityConfig().committedIndex(l)).toBe(NO_LIMIT);
    expect(new JointConfig().committedIndex(l)).toBe(NO_LIMIT);
    expect(new MajorityConfig().voteResult(new Map())).toBe(VoteResult.VoteWon);
    expect(new MajorityConfig().describe(l)).toBe('<empty majority quorum>');
    expect(new JointConfig(new MajorityConfig([1])).committedIndex(l)).toBe(5);
  });

  it('Index and VoteResult strings', () => {
    expect(indexString(NO_LIMIT)).toBe('\u00e2\u0088\u009e');
    expect(Buffer.from(indexString(NO_LIMIT), 'latin1').toString('utf8')).toBe('∞');
    expect(indexString(0)).toBe('0');
    expect(indexString(12345)).toBe('12345');
    expect(voteResultString(VoteResult.VotePending)).toBe('VotePending');
    expect(voteResultString(VoteResult.VoteLost)).toBe('VoteLost');
    expect(voteResultString(VoteResult.VoteWon)).toBe('VoteWon');
    expect(voteResultString(0)).toBe('VoteResult(0)');
  });

  it('MajorityConfig and JointConfig strings, slice, ids', () => {
    const c = new MajorityConfig([10, 2, 3]);
    expect(c.toString()).toBe('(2 3 10)');
    expect(`${c}`).toBe('(2 3 10)');
    expect(c.slice()).toEqual([2, 3, 10]);
    expect(new MajorityConfig().toString()).toBe('()');
    const j = new JointConfig(c, new MajorityConfig([4, 2]));
    expect(j.toString()).toBe('(2 3 10)&&(2 4)');
    expect(new JointConfig(c).toString()).toBe('(2 3 10)');
    expect([...j.ids()].sort((a, b) => a - b)).toEqual([2, 3, 4, 10]);
  });

  it('describe', () => {
    const c = new MajorityConfig([1, 2, 3, 4]);
    const l = new MapAckIndexer(
      new Map([
        [1, 100],
        [2, 101],
        [4, 99],
      ]),
    );
    expect(c.describe(l)).toBe(
      '        idx\n' +
        'xx>     100    (id=1)\n' +
        'xxx>    101    (id=2)\n' +
        '?         0    (id=3)\n' +
        'x>       99    (id=4)\n',
    );
  });

  it('joint vote results', () => {
    const j = new JointConfig(new MajorityConfig([1, 2, 3]), new MajorityConfig([3, 4, 5]));
    const votes = new Map<number, boolean>([
      [1, true],
      [2, true],
    ]);
    expect(j.voteResult(votes)).toBe(VoteResult.VotePending);
    votes.set(4, false);
    votes.set(5, false);
    expect(j.voteResult(votes)).toBe(VoteResult.VoteLost);
    votes.set(4, true);
    votes.set(5, true);
    expect(j.voteResult(votes)).toBe(VoteResult.VoteWon);
  });
});

describe('quorum env', () => {
  const d = (cmd: string, args: [string, string[]][]) => ({
    pos: 'x.txt:1',
    cmd,
    cmdArgs: args.map(([key, vals]) => ({ key, vals })),
    input: '',
  });

  it('reports mismatched input as output', () => {
    const env = createQuorumEnv();
    expect(
      env.handle(
        d('committed', [
          ['cfg', ['1', '2', '3']],
          ['idx', ['5', '_']],
        ]),
      ),
    ).toBe('error: mismatched input (explicit or _) for voters map[1:{} 2:{} 3:{}]: [5 0]');
    expect(env.handle(d('vote', [['cfg', ['1']]]))).toBe('error: mismatched input (explicit or _) for voters map[1:{}]: []');
  });

  it('prints ∞ for an empty config', () => {
    const env = createQuorumEnv();
    expect(env.handle(d('committed', [['cfg', []]]))).toBe('<empty majority quorum>\u00e2\u0088\u009e\n');
  });

  it('fails on broken directives', () => {
    const env = createQuorumEnv();
    expect(() => env.handle(d('committed', [['cfg', ['x']]]))).toThrow(/invalid syntax/);
    expect(() => env.handle(d('committed', [['cfgj', ['zero', '1']]]))).toThrow(/cannot mix 'zero'/);
    expect(() => env.handle(d('committed', [['idx', ['0']]]))).toThrow('cannot use 0 as idx');
    expect(() => env.handle(d('vote', [['votes', ['maybe']]]))).toThrow('unknown vote: maybe');
    expect(() => env.handle(d('vote', [['foo', ['1']]]))).toThrow('unknown arg foo');
    expect(() => env.handle(d('frob', []))).toThrow('unknown command: frob');
    expect(() => env.handle(d('frob', []))).toThrow(DirectiveError);
  });
});
