import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Changer, describe as describeCCs } from '../../src/confchange/index.js';
import { makeProgressTracker } from '../../src/tracker/index.js';
import { type ConfChangeSingle, ConfChangeType } from '../../src/raftpb/types.js';

// Go's confChanges generator: 1-9 changes of any type on ids 2..10 (never 1,
// which stays a voter so that simple changes can always make progress).
const confChanges = fc.array(
  fc.record({
    type: fc.integer({ min: 0, max: 3 }) as fc.Arbitrary<ConfChangeType>,
    nodeId: fc.integer({ min: 2, max: 10 }),
  }),
  { minLength: 1, maxLength: 9 },
);

// Go's initialChanges: voter 1, then 1-5 voters among 1..5.
const initialChanges = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 })
  .map((ids): ConfChangeSingle[] => [
    { type: ConfChangeType.ConfChangeAddNode, nodeId: 1 },
    ...ids.map((nodeId) => ({ type: ConfChangeType.ConfChangeAddNode, nodeId })),
  ]);

function runWithSimple(c: Changer, ccs: ConfChangeSingle[]): void {
  for (const cc of ccs) {
    [c.tracker.config, c.tracker.progress] = c.simple(cc);
  }
}

function runWithJoint(c: Changer, ccs: ConfChangeSingle[]): void {
  const [cfg, trk] = c.enterJoint(false, ...ccs);
  // With autoLeave the result must be the same apart from the flag.
  const [cfg2a, trk2a] = c.enterJoint(true, ...ccs);
  expect(cfg2a.autoLeave).toBe(true);
  cfg2a.autoLeave = false;
  expect(cfg2a).toEqual(cfg);
  expect(trk2a).toEqual(trk);
  [c.tracker.config, c.tracker.progress] = [cfg, trk];
  const [cfg2b, trk2b] = c.leaveJoint();
  // Reset to the joint state and leave again: same result expected.
  [c.tracker.config, c.tracker.progress] = [cfg, trk];
  const [cfg3, trk3] = c.leaveJoint();
  expect(cfg3).toEqual(cfg2b);
  expect(trk3).toEqual(trk2b);
  [c.tracker.config, c.tracker.progress] = [cfg3, trk3];
}

function run(invoke: (c: Changer, ccs: ConfChangeSingle[]) => void, setup: ConfChangeSingle[], ccs: ConfChangeSingle[]): Changer {
  const c = new Changer(makeProgressTracker(10, 0), 10);
  runWithSimple(c, setup);
  invoke(c, ccs);
  return c;
}

describe('confchange quick', () => {
  it('simple and joint config changes arrive at the same result', () => {
    fc.assert(
      fc.property(initialChanges, confChanges, (setup, ccs) => {
        const c1 = run(runWithSimple, setup, ccs);
        const c2 = run(runWithJoint, setup, ccs);
        expect(c2.tracker.config.toString(), `setup: ${describeCCs(...setup)} ccs: ${describeCCs(...ccs)}`).toBe(
          c1.tracker.config.toString(),
        );
        expect(c2.tracker.config).toEqual(c1.tracker.config);
        expect(c2.tracker.progress).toEqual(c1.tracker.progress);
      }),
      { numRuns: 1000 },
    );
  });

  it('applying a simple change a second time changes nothing (idempotency)', () => {
    const oneChange = fc.record({
      type: fc.integer({ min: 0, max: 3 }) as fc.Arbitrary<ConfChangeType>,
      nodeId: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(initialChanges, confChanges, oneChange, (setup, ccs, cc) => {
        const c = run(runWithSimple, setup, ccs);
        let once: ReturnType<Changer['simple']>;
        try {
          once = c.simple(cc);
        } catch {
          return; // e.g. removing the last voter: nothing to repeat
        }
        [c.tracker.config, c.tracker.progress] = once;
        const twice = c.simple(cc);
        expect(twice[0].toString()).toBe(once[0].toString());
        expect(twice[0]).toEqual(once[0]);
        expect([...twice[1].keys()].sort()).toEqual([...once[1].keys()].sort());
      }),
      { numRuns: 1000 },
    );
  });

  it('describe', () => {
    expect(
      describeCCs(
        { type: ConfChangeType.ConfChangeAddNode, nodeId: 1 },
        { type: ConfChangeType.ConfChangeRemoveNode, nodeId: 2 },
        { type: ConfChangeType.ConfChangeAddLearnerNode, nodeId: 3 },
        { type: ConfChangeType.ConfChangeUpdateNode, nodeId: 4 },
      ),
    ).toBe('ConfChangeAddNode(1) ConfChangeRemoveNode(2) ConfChangeAddLearnerNode(3) ConfChangeUpdateNode(4)');
    expect(describeCCs()).toBe('');
  });
});
