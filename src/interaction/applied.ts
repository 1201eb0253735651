// What Go's harness keeps as Node.History (one full snapshot copy per applied
// entry, quadratic in the log length). Only the newest snapshot is ever read,
// so this keeps the applied data as a list of chunks plus the metadata of the
// last applied entry, and builds the snapshot bytes only when asked for.
import type { ConfState, Snapshot } from '../raftpb/types.js';

export class AppliedState {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private readonly initialData: Uint8Array | undefined;
  private applies = 0;
  private index: number;
  private term: number;
  private confState: ConfState;
  private cached: Snapshot | undefined;

  /** Starts from the snapshot a node was created with (possibly empty). */
  constructor(initial: Snapshot) {
    this.initialData = initial.data;
    if (initial.data !== undefined && initial.data.length > 0) {
      this.chunks.push(initial.data);
      this.size = initial.data.length;
    }
    this.index = initial.metadata.index;
    this.term = initial.metadata.term;
    this.confState = initial.metadata.confState;
  }

  /** Records an applied entry: the "appender" state machine adds its payload. */
  apply(update: Uint8Array | undefined, index: number, term: number, cs: ConfState | undefined): void {
    if (update !== undefined && update.length > 0) {
      this.chunks.push(update);
      this.size += update.length;
    }
    this.applies++;
    this.index = index;
    this.term = term;
    if (cs !== undefined) this.confState = cs;
    this.cached = undefined;
  }

  /** Number of snapshots Go's History would hold. */
  get historyLength(): number {
    return this.applies + 1;
  }

  /** The applied data: the concatenation of the initial data and every update. */
  data(): Uint8Array | undefined {
    // Go's append onto a nil slice stays nil when nothing was appended.
    if (this.size === 0) return this.applies === 0 ? this.initialData : undefined;
    if (this.chunks.length > 1) {
      const all = new Uint8Array(this.size);
      let off = 0;
      for (const c of this.chunks) {
        all.set(c, off);
        off += c.length;
      }
      this.chunks = [all];
    }
    return this.chunks[0];
  }

  /** The newest snapshot (Go: History[len(History)-1]). */
  snapshot(): Snapshot {
    if (this.cached === undefined) {
      this.cached = {
        data: this.data(),
        metadata: { index: this.index, term: this.term, confState: this.confState },
      };
    }
    return this.cached;
  }
}
