// stabilize [<id>...] [log-level=<level>]: Ready handling, message delivery
// and the storage threads, in rounds, until nothing is left to do.
import { messageTypeString } from '../../raftpb/types.js';
import { sprintf } from '../../util/gofmt.js';
import { type DirectiveData, fail, nodeIdxs } from '../args.js';
import type { InteractionEnv } from '../env.js';
import type { Node } from '../node.js';
import { deliverMsgs } from './deliver-msgs.js';
import { logLevel } from './log-level.js';
import { processAppendThread } from './process-append-thread.js';
import { processApplyThread } from './process-apply-thread.js';
import { processReady } from './process-ready.js';

export function handleStabilize(env: InteractionEnv, d: DirectiveData): Error | null {
  const idxs = nodeIdxs(env, d);
  const old = env.output.lvl;
  try {
    for (const arg of d.cmdArgs) {
      for (const level of arg.vals) {
        // Other keys are ignored, as in Go.
        if (arg.key === 'log-level') {
          const err = logLevel(env, level);
          if (err !== null) return err;
        }
      }
    }
    return stabilize(env, idxs);
  } finally {
    env.output.lvl = old;
  }
}

// How many of the last rounds the non-convergence report describes.
const REPORT_ROUNDS = 10;

/**
 * Repeats rounds of Ready handling, message delivery, append-thread and
 * apply-thread work on the given nodes (all if none) until a round does
 * nothing. Gives up after env.maxStabilizeRounds rounds (Go loops forever).
 */
export function stabilize(env: InteractionEnv, idxs: readonly number[]): Error | null {
  const nodes: Node[] = idxs.length !== 0 ? idxs.map((i) => env.nodes[i]!) : [...env.nodes];
  const recent: Array<Map<number, Set<string>>> = [];

  for (let round = 0; ; round++) {
    if (round === env.maxStabilizeRounds) fail(notConverged(env.maxStabilizeRounds, recent));
    const activity = new Map<number, Set<string>>();
    const note = (id: number, what: string): void => {
      let s = activity.get(id);
      if (s === undefined) activity.set(id, (s = new Set()));
      s.add(what);
    };
    let done = true;

    for (const n of nodes) {
      if (n.rawNode.hasReady()) {
        const idx = n.id - 1;
        env.output.write(sprintf('> %d handling Ready\n', idx + 1));
        let err: Error | null = null;
        env.withIndent(() => {
          err = processReady(env, idx);
        });
        if (err !== null) return err;
        note(n.id, 'handling Ready');
        done = false;
      }
    }
    for (const n of nodes) {
      const id = n.id;
      let any = false;
      for (const m of env.messages) {
        if (m.to === id) {
          any = true;
          note(id, messageTypeString(m.type));
        }
      }
      if (any) {
        env.output.write(sprintf('> %d receiving messages\n', id));
        env.withIndent(() => {
          deliverMsgs(env, -1, [{ id, drop: false }]);
        });
        done = false;
      }
    }
    for (const n of nodes) {
      const idx = n.id - 1;
      if (n.appendWork.length > 0) {
        env.output.write(sprintf('> %d processing append thread\n', idx + 1));
        note(n.id, 'processing append thread');
        while (n.appendWork.length > 0) {
          let err: Error | null = null;
          env.withIndent(() => {
            err = processAppendThread(env, idx);
          });
          if (err !== null) return err;
        }
        done = false;
      }
    }
    for (const n of nodes) {
      const idx = n.id - 1;
      if (n.applyWork.length > 0) {
        env.output.write(sprintf('> %d processing apply thread\n', idx + 1));
        note(n.id, 'processing apply thread');
        while (n.applyWork.length > 0) {
          // Go ignores apply-thread errors here.
          env.withIndent(() => {
            processApplyThread(env, idx);
          });
        }
        done = false;
      }
    }
    if (done) return null;
    recent.push(activity);
    if (recent.length > REPORT_ROUNDS) recent.shift();
  }
}

function notConverged(rounds: number, recent: ReadonlyArray<Map<number, Set<string>>>): string {
  const all = new Map<number, Set<string>>();
  for (const a of recent) {
    for (const [id, s] of a) {
      let t = all.get(id);
      if (t === undefined) all.set(id, (t = new Set()));
      for (const x of s) t.add(x);
    }
  }
  const parts = [...all.keys()]
    .sort((a, b) => a - b)
    .map((id) => {
      const s = all.get(id)!;
      const work = [...s].filter((x) => !x.startsWith('Msg'));
      const msgs = [...s].filter((x) => x.startsWith('Msg')).sort();
      const items = [...work];
      if (msgs.length > 0) items.push(`receiving ${msgs.join(', ')}`);
      return `node ${id} (${items.join('; ')})`;
    });
  return (
    `stabilize: did not converge after ${rounds} rounds; ` +
    `active in the last ${recent.length} rounds: ${parts.join(', ')}`
  );
}
