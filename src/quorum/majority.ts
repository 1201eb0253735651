// A set of voters deciding by simple majority.
import { NO_LIMIT } from '../raftpb/types.js';
import { type AckedIndexer, type Index, VoteResult, uint64String } from './quorum.js';

function sortedIds(ids: Iterable<number>): number[] {
  return Array.from(ids).sort((a, b) => a - b);
}

// Reused for configurations of up to 7 voters so that the hot path of
// committedIndex does not allocate (Go uses a stack array for the same reason).
const scratch = new Float64Array(7);

export class MajorityConfig extends Set<number> {
  /** Go's String(): sorted ids in parentheses, e.g. `(1 2 3)`. */
  override toString(): string {
    return majorityString(this);
  }

  /** A multi-line picture of the acked indexes, as Go's Describe. */
  describe(l: AckedIndexer): string {
    return describeMajority(this, l);
  }

  /** The ids in ascending order. */
  slice(): number[] {
    return sortedIds(this);
  }

  /** The largest index acked by a majority; NO_LIMIT for an empty config. */
  committedIndex(l: AckedIndexer): Index {
    const n = this.size;
    if (n === 0) {
      // An empty half of a joint config must not constrain the other half.
      return NO_LIMIT;
    }
    const srt = n <= scratch.length ? scratch : new Float64Array(n);
    srt.fill(0, 0, n);
    // Known indexes go to the end of the buffer; silent voters count as 0,
    // which sorts first, so the front can stay zero-filled.
    let i = n - 1;
    for (const id of this) {
      const idx = l.ackedIndex(id);
      if (idx !== undefined) {
        srt[i] = idx;
        i--;
      }
    }
    if (srt === scratch) {
      insertionSort(srt, n);
    } else {
      srt.sort();
    }
    // Walk n/2+1 positions left from the end: the highest index acked by a quorum.
    const pos = n - (Math.floor(n / 2) + 1);
    return srt[pos]!;
  }

  /** Won, lost or pending given yes/no votes; an empty config wins. */
  voteResult(votes: Map<number, boolean>): VoteResult {
    if (this.size === 0) {
      // Makes a half-populated joint config behave like a majority config.
      return VoteResult.VoteWon;
    }
    let votedCnt = 0;
    let missing = 0;
    for (const id of this) {
      const v = votes.get(id);
      if (v === undefined) {
        missing++;
        continue;
      }
      if (v) votedCnt++;
    }
    const q = Math.floor(this.size / 2) + 1;
    if (votedCnt >= q) return VoteResult.VoteWon;
    if (votedCnt + missing >= q) return VoteResult.VotePending;
    return VoteResult.VoteLost;
  }
}

function insertionSort(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Go's MajorityConfig.String() of any id set (also used for learner sets). */
export function majorityString(ids: Iterable<number>): string {
  return '(' + sortedIds(ids).join(' ') + ')';
}

interface Tup {
  id: number;
  idx: Index;
  ok: boolean;
  bar: number;
}

function describeMajority(c: ReadonlySet<number>, l: AckedIndexer): string {
  const n = c.size;
  if (n === 0) return '<empty majority quorum>';

  const info: Tup[] = [];
  for (const id of c) {
    const idx = l.ackedIndex(id);
    info.push({ id, idx: idx ?? 0, ok: idx !== undefined, bar: 0 });
  }
  // The i-th smallest index gets a bar of length i, equal indexes equal bars.
  info.sort((a, b) => (a.idx !== b.idx ? (a.idx < b.idx ? -1 : 1) : a.id - b.id));
  for (let i = 1; i < info.length; i++) {
    if (info[i - 1]!.idx < info[i]!.idx) info[i]!.bar = i;
  }
  info.sort((a, b) => a.id - b.id);

  let buf = ' '.repeat(n) + '    idx\n';
  for (const t of info) {
    if (!t.ok) {
      buf += '?' + ' '.repeat(n);
    } else {
      buf += 'x'.repeat(t.bar) + '>' + ' '.repeat(n - t.bar);
    }
    buf += ` ${uint64String(t.idx).padStart(5)}    (id=${t.id})\n`;
  }
  return buf;
}

export { describeMajority };
