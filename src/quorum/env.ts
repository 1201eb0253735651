// The `quorum` datadriven environment (upstream quorum/datadriven_test.go).
//
//   committed cfg=(1,2,3) cfgj=(3,4) idx=(5,_,7,_)
//   vote cfg=(1,2) votes=(n,_)
//
// cfg is the majority config, cfgj (optional, `zero` for an empty one) the
// second half of a joint config. idx gives the acked index of each distinct
// voter in the order they appear in cfg then cfgj, `_` meaning unknown; votes
// works the same with y/n/_. Besides the answer, the handler cross-checks it
// against alternative computations and prints any disagreement.
import { formatV } from '../util/gofmt.js';
import { parseUint64 } from '../util/strconv.js';
import { DirectiveError } from '../datadriven/errors.js';
import type { Directive } from '../datadriven/testdata.js';
import { NO_LIMIT } from '../raftpb/types.js';
import { type AckedIndexer, type Index, MapAckIndexer, indexString, voteResultString } from './quorum.js';
import { MajorityConfig } from './majority.js';
import { JointConfig } from './joint.js';

// What upstream reports with t.Fatal: a broken directive, not an output.
function fatal(msg: string, pos?: string): never {
  throw new DirectiveError(msg, pos);
}

function scanUint64(key: string, vals: readonly string[], i: number): number {
  try {
    return parseUint64(vals[i]!);
  } catch (e) {
    return fatal(`${key}: ${(e as Error).message}`);
  }
}

/**
 * A deliberately naive CommittedIndex: the largest index that a quorum has
 * acked or exceeded. Used to cross-check MajorityConfig.committedIndex.
 */
export function alternativeMajorityCommittedIndex(c: MajorityConfig, l: AckedIndexer): Index {
  if (c.size === 0) return NO_LIMIT;
  const idToIdx = new Map<number, Index>();
  for (const id of c) {
    const idx = l.ackedIndex(id);
    if (idx !== undefined) idToIdx.set(id, idx);
  }
  const idxToVotes = new Map<Index, number>();
  for (const idx of idToIdx.values()) idxToVotes.set(idx, 0);
  for (const idx of idToIdx.values()) {
    for (const [idy, n] of idxToVotes) {
      if (idy > idx) continue;
      idxToVotes.set(idy, n + 1);
    }
  }
  const q = Math.floor(c.size / 2) + 1;
  let maxQuorumIdx = 0;
  for (const [idx, n] of idxToVotes) {
    if (n >= q && idx > maxQuorumIdx) maxQuorumIdx = idx;
  }
  return maxQuorumIdx;
}

function makeLookuper(idxs: Index[], ids: number[], idsj: number[]): MapAckIndexer {
  const l = new Map<number, Index>();
  let p = 0;
  for (const id of [...ids, ...idsj]) {
    if (l.has(id)) continue;
    if (p < idxs.length) {
      // A placeholder becomes a zero entry here and is dropped below, so a
      // voter in both halves is specified only once.
      l.set(id, idxs[p]!);
      p++;
    }
  }
  for (const [id, idx] of l) {
    // No entry ("_") differs from a zero entry, which scripts cannot give.
    if (idx === 0) l.delete(id);
  }
  return new MapAckIndexer(l);
}

function overlay(c: MajorityConfig, l: AckedIndexer, id: number, idx: Index): AckedIndexer {
  const ll = new Map<number, Index>();
  for (const iid of c) {
    if (iid === id) {
      ll.set(iid, idx);
    } else {
      const v = l.ackedIndex(iid);
      if (v !== undefined) ll.set(iid, v);
    }
  }
  return new MapAckIndexer(ll);
}

function handle(d: Directive): string {
  let joint = false;
  const ids: number[] = [];
  const idsj: number[] = [];
  const idxs: Index[] = [];
  // 1 is a no, 2 a yes, 0 unknown: shares makeLookuper with idxs.
  const votes: Index[] = [];

  for (const arg of d.cmdArgs) {
    for (let i = 0; i < arg.vals.length; i++) {
      switch (arg.key) {
        case 'cfg':
          ids.push(scanUint64(arg.key, arg.vals, i));
          break;
        case 'cfgj':
          joint = true;
          if (arg.vals[i] === 'zero') {
            if (arg.vals.length !== 1) fatal("cannot mix 'zero' into configuration");
          } else {
            idsj.push(scanUint64(arg.key, arg.vals, i));
          }
          break;
        case 'idx': {
          let n = 0;
          if (arg.vals[i] !== '_') {
            n = scanUint64(arg.key, arg.vals, i);
            if (n === 0) fatal('cannot use 0 as idx');
          }
          idxs.push(n);
          break;
        }
        case 'votes': {
          const s = arg.vals[i]!;
          if (s === 'y') votes.push(2);
          else if (s === 'n') votes.push(1);
          else if (s === '_') votes.push(0);
          else fatal(`unknown vote: ${s}`);
          break;
        }
        default:
          fatal(`unknown arg ${arg.key}`);
      }
    }
  }

  const c = new MajorityConfig(ids);
  const cj = new MajorityConfig(idsj);

  {
    const input = d.cmd === 'vote' ? votes : idxs;
    const voters = new JointConfig(c, cj).ids();
    if (voters.size !== input.length) {
      return (
        `error: mismatched input (explicit or _) for voters ${formatV(voters)}: ` +
        `[${input.map(indexString).join(' ')}]`
      );
    }
  }

  let buf = '';
  switch (d.cmd) {
    case 'committed': {
      const l = makeLookuper(idxs, ids, idsj);
      if (!joint) {
        const idx = c.committedIndex(l);
        buf += c.describe(l);
        let aIdx = alternativeMajorityCommittedIndex(c, l);
        if (aIdx !== idx) buf += `${indexString(aIdx)} <-- via alternative computation\n`;
        aIdx = new JointConfig(c, new MajorityConfig()).committedIndex(l);
        if (aIdx !== idx) buf += `${indexString(aIdx)} <-- via zero-joint quorum\n`;
        aIdx = new JointConfig(c, c).committedIndex(l);
        if (aIdx !== idx) buf += `${indexString(aIdx)} <-- via self-joint quorum\n`;
        for (const id of c.slice()) {
          const iidx = l.ackedIndex(id) ?? 0;
          if (idx > iidx && iidx > 0) {
            // Lowering an index that was already below the committed index
            // must not change the result.
            aIdx = c.committedIndex(overlay(c, l, id, iidx - 1));
            if (aIdx !== idx) buf += `${indexString(aIdx)} <-- overlaying ${id}->${iidx}`;
            aIdx = c.committedIndex(overlay(c, l, id, 0));
            if (aIdx !== idx) buf += `${indexString(aIdx)} <-- overlaying ${id}->0`;
          }
        }
        buf += `${indexString(idx)}\n`;
      } else {
        const cc = new JointConfig(c, cj);
        buf += cc.describe(l);
        const idx = cc.committedIndex(l);
        const aIdx = new JointConfig(cj, c).committedIndex(l);
        if (aIdx !== idx) buf += `${indexString(aIdx)} <-- via symmetry\n`;
        buf += `${indexString(idx)}\n`;
      }
      break;
    }
    case 'vote': {
      const ll = makeLookuper(votes, ids, idsj);
      const l = new Map<number, boolean>();
      for (const [id, v] of ll.m) l.set(id, v !== 1);
      if (!joint) {
        buf += `${voteResultString(c.voteResult(l))}\n`;
      } else {
        const r = new JointConfig(c, cj).voteResult(l);
        const ar = new JointConfig(cj, c).voteResult(l);
        if (ar !== r) buf += `${voteResultString(ar)} <-- via symmetry\n`;
        buf += `${voteResultString(r)}\n`;
      }
      break;
    }
    default:
      fatal(`unknown command: ${d.cmd}`);
  }
  return buf;
}

/** A fresh `quorum` environment (it keeps no state between directives). */
export function createQuorumEnv(): { handle(d: Directive): string } {
  return { handle };
}
