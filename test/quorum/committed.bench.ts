// `npx vitest bench test/quorum`: upstream BenchmarkMajorityConfig_CommittedIndex.
import { bench, describe } from 'vitest';
import { MajorityConfig, MapAckIndexer } from '../../src/quorum/index.js';

describe('MajorityConfig.committedIndex', () => {
  for (const n of [1, 3, 5, 7, 9, 11]) {
    const c = new MajorityConfig();
    const l = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      c.add(i + 1);
      l.set(i + 1, Math.floor(Math.random() * Number.MAX_SAFE_INTEGER));
    }
    const ack = new MapAckIndexer(l);
    bench(`voters=${n}`, () => {
      c.committedIndex(ack);
    });
  }
});
