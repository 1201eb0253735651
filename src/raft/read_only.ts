// Bookkeeping of pending read-only (ReadIndex) requests on the leader
// (port of read_only.go). Request contexts are keyed as byte strings.
import type { Message } from '../raftpb/types.js';
import { byteString } from '../util/bytes.js';
import { panic } from '../util/panic.js';

export const ReadOnlyOption = {
  /** Linearizable reads confirmed by a quorum heartbeat round. The default. */
  ReadOnlySafe: 0,
  /** Reads served on the leader lease; relies on bounded clock drift. */
  ReadOnlyLeaseBased: 1,
} as const;
export type ReadOnlyOption = (typeof ReadOnlyOption)[keyof typeof ReadOnlyOption];

export interface ReadIndexStatus {
  req: Message;
  index: number;
  // Only ever holds true values; a map because quorum.voteResult takes one.
  acks: Map<number, boolean>;
}

function ctxKey(b: Uint8Array | undefined): string {
  return b === undefined ? '' : byteString(b);
}

export class ReadOnly {
  option: ReadOnlyOption;
  pendingReadIndex = new Map<string, ReadIndexStatus>();
  readIndexQueue: string[] = [];

  constructor(option: ReadOnlyOption) {
    this.option = option;
  }

  /** Queues a read request m, answered at `index` once a quorum acks it. */
  addRequest(index: number, m: Message): void {
    const s = ctxKey(m.entries[0]!.data);
    if (this.pendingReadIndex.has(s)) return;
    this.pendingReadIndex.set(s, { index, req: m, acks: new Map() });
    this.readIndexQueue.push(s);
  }

  /** Records an ack from id for the request with this context; the acks so far. */
  recvAck(id: number, context: Uint8Array | undefined): Map<number, boolean> | undefined {
    const rs = this.pendingReadIndex.get(ctxKey(context));
    if (rs === undefined) return undefined;
    rs.acks.set(id, true);
    return rs.acks;
  }

  /**
   * Dequeues the request with m's context and every request before it,
   * returning them (empty if the context is unknown).
   */
  advance(m: Message): ReadIndexStatus[] {
    let i = 0;
    let found = false;
    const ctx = ctxKey(m.context);
    const rss: ReadIndexStatus[] = [];
    for (const okctx of this.readIndexQueue) {
      i++;
      const rs = this.pendingReadIndex.get(okctx);
      if (rs === undefined) panic('cannot find corresponding read state from pending map');
      rss.push(rs);
      if (okctx === ctx) {
        found = true;
        break;
      }
    }
    if (found) {
      this.readIndexQueue = this.readIndexQueue.slice(i);
      for (const rs of rss) this.pendingReadIndex.delete(ctxKey(rs.req.entries[0]!.data));
      return rss;
    }
    return [];
  }

  /** The context of the newest pending request, '' if none. */
  lastPendingRequestCtx(): string {
    if (this.readIndexQueue.length === 0) return '';
    return this.readIndexQueue[this.readIndexQueue.length - 1]!;
  }
}

export function newReadOnly(option: ReadOnlyOption): ReadOnly {
  return new ReadOnly(option);
}
