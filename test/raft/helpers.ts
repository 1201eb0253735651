// Helpers shared by the raft engine tests (ports of the Go test helpers).
import { newEntry, type Entry } from '../../src/raftpb/types.js';
import { MemoryStorage } from '../../src/raft/storage.js';
import { DefaultLogger } from '../../src/raft/default_logger.js';
import type { Logger } from '../../src/raft/logger.js';

/** Go's `index(i).terms(...)`: entries at i, i+1, ... with the given terms. */
export function index(i: number): { terms(...terms: number[]): Entry[]; termRange(from: number, to: number): Entry[] } {
  return {
    terms(...terms: number[]): Entry[] {
      return terms.map((term, k) => newEntry({ term, index: i + k }));
    },
    termRange(from: number, to: number): Entry[] {
      const out: Entry[] = [];
      for (let term = from, idx = i; term < to; term++, idx++) out.push(newEntry({ term, index: idx }));
      return out;
    },
  };
}

/** A MemoryStorage holding a copy of ents (ents[0] is the dummy entry). */
export function storageWithEnts(ents: Entry[]): MemoryStorage {
  const s = new MemoryStorage();
  s.ents = ents.slice();
  return s;
}

/** A logger that records lines instead of printing them (debug included). */
export class CaptureLogger extends DefaultLogger {
  lines: string[] = [];
  constructor() {
    super('', false, (line) => this.lines.push(line));
    this.enableDebug();
  }
}

/** A logger that drops everything except panics. */
export const quietLogger: Logger = new DefaultLogger('', false, () => {});

export function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
