import { describe, expect, it } from 'vitest';
import { Inflights, Progress, ProgressState, progressMapString } from '../../src/tracker/index.js';
import { RaftPanic } from '../../src/util/panic.js';

const { StateProbe, StateReplicate, StateSnapshot } = ProgressState;

describe('Progress', () => {
  it('String', () => {
    const ins = new Inflights(1, 0);
    ins.add(123, 1);
    const pr = new Progress({
      match: 1,
      next: 2,
      state: StateSnapshot,
      pendingSnapshot: 123,
      recentActive: false,
      msgAppFlowPaused: true,
      isLearner: true,
      inflights: ins,
    });
    expect(pr.toString()).toBe(
      'StateSnapshot match=1 next=2 learner paused pendingSnap=123 inactive inflight=1[full]',
    );
  });

  it('IsPaused', () => {
    const tests: [ProgressState, boolean, boolean][] = [
      [StateProbe, false, false],
      [StateProbe, true, true],
      [StateReplicate, false, false],
      [StateReplicate, true, true],
      [StateSnapshot, false, true],
      [StateSnapshot, true, true],
    ];
    tests.forEach(([state, paused, w], i) => {
      const p = new Progress({ state, msgAppFlowPaused: paused, inflights: new Inflights(256, 0) });
      expect(p.isPaused(), `#${i}`).toBe(w);
    });
  });

  it('Resume: maybeUpdate and maybeDecrTo reset msgAppFlowPaused', () => {
    const p = new Progress({ next: 2, msgAppFlowPaused: true });
    p.maybeDecrTo(1, 1);
    expect(p.msgAppFlowPaused).toBe(false);
    p.msgAppFlowPaused = true;
    p.maybeUpdate(2);
    expect(p.msgAppFlowPaused).toBe(false);
  });

  it('BecomeProbe', () => {
    const match = 1;
    const tests: [Progress, number][] = [
      [new Progress({ state: StateReplicate, match, next: 5, inflights: new Inflights(256, 0) }), 2],
      // snapshot sent: next follows the pending snapshot index
      [
        new Progress({ state: StateSnapshot, match, next: 5, pendingSnapshot: 10, inflights: new Inflights(256, 0) }),
        11,
      ],
      // no pending snapshot: next is match + 1
      [
        new Progress({ state: StateSnapshot, match, next: 5, pendingSnapshot: 0, inflights: new Inflights(256, 0) }),
        2,
      ],
    ];
    tests.forEach(([p, wnext], i) => {
      p.becomeProbe();
      expect(p.state, `#${i}`).toBe(StateProbe);
      expect(p.match, `#${i}`).toBe(match);
      expect(p.next, `#${i}`).toBe(wnext);
    });
  });

  it('BecomeReplicate', () => {
    const p = new Progress({ state: StateProbe, match: 1, next: 5, inflights: new Inflights(256, 0) });
    p.becomeReplicate();
    expect(p.state).toBe(StateReplicate);
    expect(p.match).toBe(1);
    expect(p.next).toBe(p.match + 1);
  });

  it('BecomeSnapshot', () => {
    const p = new Progress({ state: StateProbe, match: 1, next: 5, inflights: new Inflights(256, 0) });
    p.becomeSnapshot(10);
    expect(p.state).toBe(StateSnapshot);
    expect(p.match).toBe(1);
    expect(p.pendingSnapshot).toBe(10);
    expect(p.next).toBe(11);
    expect(p.sentCommit).toBe(10);
  });

  it('Update', () => {
    const prevM = 3;
    const prevN = 5;
    const tests: [number, number, number, boolean][] = [
      [prevM - 1, prevM, prevN, false], // stale update: neither moves
      [prevM, prevM, prevN, false], // equal match: next stays
      [prevM + 1, prevM + 1, prevN, true], // match grows, next already ahead
      [prevM + 2, prevM + 2, prevN + 1, true], // both advance
    ];
    tests.forEach(([update, wm, wn, wok], i) => {
      const p = new Progress({ match: prevM, next: prevN });
      expect(p.maybeUpdate(update), `#${i}`).toBe(wok);
      expect(p.match, `#${i}`).toBe(wm);
      expect(p.next, `#${i}`).toBe(wn);
    });
  });

  it('MaybeDecr', () => {
    // state, match, next, rejected, last, w, wn
    const tests: [ProgressState, number, number, number, number, boolean, number][] = [
      [StateReplicate, 5, 10, 5, 5, false, 10],
      [StateReplicate, 5, 10, 4, 4, false, 10],
      [StateReplicate, 5, 10, 9, 9, true, 6],
      [StateProbe, 0, 0, 0, 0, false, 0],
      [StateProbe, 0, 10, 5, 5, false, 10],
      [StateProbe, 0, 10, 9, 9, true, 9],
      [StateProbe, 0, 2, 1, 1, true, 1],
      [StateProbe, 0, 1, 0, 0, true, 1],
      [StateProbe, 0, 10, 9, 2, true, 3],
      [StateProbe, 0, 10, 9, 0, true, 1],
    ];
    tests.forEach(([state, m, n, rejected, last, w, wn], i) => {
      const p = new Progress({ state, match: m, next: n });
      expect(p.maybeDecrTo(rejected, last), `#${i}`).toBe(w);
      expect(p.match, `#${i}`).toBe(m);
      expect(p.next, `#${i}`).toBe(wn);
    });
  });

  it('sentEntries, canBumpCommit and sentCommit regressions', () => {
    const p = new Progress({ state: StateReplicate, match: 0, next: 1, inflights: new Inflights(2, 0) });
    p.sentEntries(3, 30);
    expect(p.next).toBe(4);
    expect(p.inflights.count()).toBe(1);
    expect(p.msgAppFlowPaused).toBe(false);
    p.sentEntries(0, 0); // an empty MsgApp does not use a slot
    expect(p.inflights.count()).toBe(1);
    p.sentEntries(1, 10);
    expect(p.msgAppFlowPaused).toBe(true);
    expect(p.isPaused()).toBe(true);
    expect(p.toString()).toBe('StateReplicate match=0 next=5 paused inactive inflight=2[full]');

    expect(p.canBumpCommit(3)).toBe(true);
    p.sentCommitTo(4);
    expect(p.canBumpCommit(5)).toBe(false); // already sent commit up to next-1
    p.maybeDecrTo(2, 0);
    expect(p.next).toBe(1);
    expect(p.sentCommit).toBe(0);

    const probe = new Progress({ state: StateProbe, next: 1 });
    probe.sentEntries(0, 0);
    expect(probe.msgAppFlowPaused).toBe(false);
    probe.sentEntries(1, 1);
    expect(probe.msgAppFlowPaused).toBe(true);

    const snap = new Progress({ state: StateSnapshot, next: 1 });
    expect(() => snap.sentEntries(1, 1)).toThrow(new RaftPanic('sending append in unhandled state StateSnapshot'));
  });

  it('becomeProbe regresses sentCommit to next-1', () => {
    const p = new Progress({ state: StateReplicate, match: 3, next: 9, sentCommit: 8, inflights: new Inflights(4, 0) });
    p.becomeProbe();
    expect(p.next).toBe(4);
    expect(p.sentCommit).toBe(3);
  });

  it('copy shares the inflights like a Go value copy', () => {
    const p = new Progress({ match: 1, next: 2, inflights: new Inflights(4, 0) });
    const c = p.copy();
    expect(c).not.toBe(p);
    expect(c.inflights).toBe(p.inflights);
    c.isLearner = true;
    expect(p.isLearner).toBe(false);
  });

  it('ProgressMap String sorts by id', () => {
    const m = new Map([
      [3, new Progress({ match: 2, next: 3, recentActive: true })],
      [1, new Progress({ state: StateReplicate, match: 5, next: 6, recentActive: true })],
      [2, new Progress({ next: 1, isLearner: true })],
    ]);
    expect(progressMapString(m)).toBe(
      '1: StateReplicate match=5 next=6\n2: StateProbe match=0 next=1 learner inactive\n3: StateProbe match=2 next=3\n',
    );
  });
});
