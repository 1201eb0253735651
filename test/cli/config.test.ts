import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/cli/config.js';
import { cli, lastLine, scratch } from './helpers.js';

describe('raftdd.yaml', () => {
  it('parses roots, seed, stabilize bound and add-nodes defaults', () => {
    const cfg = parseConfig(
      [
        'roots:',
        '  - testdata',
        '  - path: quorum-cases',
        '    env: quorum',
        'seed: 42',
        'strict: true',
        'stabilize:',
        '  max-rounds: 500',
        'add-nodes:',
        '  election-tick: 10',
        '  heartbeat-tick: 2',
        '  prevote: true',
        '  read-only: lease-based',
      ].join('\n'),
      '/proj/raftdd.yaml',
    );
    expect(cfg.roots).toEqual([
      { path: '/proj/testdata', env: 'interaction' },
      { path: '/proj/quorum-cases', env: 'quorum' },
    ]);
    expect(cfg.seed).toBe(42);
    expect(cfg.strict).toBe(true);
    expect(cfg.stabilizeMaxRounds).toBe(500);
    expect(cfg.nodeDefaults).toEqual({ electionTick: 10, heartbeatTick: 2, prevote: true, readOnly: 'lease-based' });
  });

  const bad: [string, RegExp][] = [
    ['sed: 1', /raftdd\.yaml: sed: unknown key/],
    ['seed: abc', /raftdd\.yaml: seed: expected a non-negative integer/],
    ['roots: testdata', /roots: expected a list/],
    ['roots:\n  - path: x\n    env: nope', /roots\[0\]\.env: expected one of interaction, confchange, quorum/],
    ['roots:\n  - path: x\n    colour: red', /roots\[0\]\.colour: unknown key/],
    ['add-nodes:\n  election-ticks: 3', /add-nodes\.election-ticks: unknown key/],
    ['add-nodes:\n  prevote: yes please', /add-nodes\.prevote: expected true or false/],
    ['stabilize:\n  max-rounds: 0', /stabilize\.max-rounds: must be at least 1/],
    ['seed: [1', /raftdd\.yaml:\d+: /],
  ];
  for (const [text, message] of bad) {
    it(`rejects ${JSON.stringify(text)} naming the key`, () => {
      expect(() => parseConfig(text, '/proj/raftdd.yaml')).toThrow(ConfigError);
      expect(() => parseConfig(text, '/proj/raftdd.yaml')).toThrow(message);
    });
  }

  it('runs the configured roots when raftdd run gets no path', async () => {
    const dir = scratch({
      'q.txt': 'committed cfg=(1,2,3) idx=(10,20,30)\n----\n       idx\n>       10    (id=1)\nx>      20    (id=2)\nxx>     30    (id=3)\n20\n',
    });
    const config = join(dir, 'raftdd.yaml');
    writeFileSync(config, `roots:\n  - path: .\n    env: quorum\n`);
    // The config file itself is not a script: keep it out with --filter.
    const r = await cli(['run', '--config', config, '--filter', '\\.txt$']);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toBe('1 passed, 0 failed');
  });

  it('reports a broken config with exit 2', async () => {
    const dir = scratch({ 'raftdd.yaml': 'seeds: 1\n' });
    const r = await cli(['run', '--config', join(dir, 'raftdd.yaml'), 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('seeds: unknown key');
    expect((await cli(['run', '--config', join(dir, 'missing.yaml'), 'x'])).code).toBe(2);
  });
});
