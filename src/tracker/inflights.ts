// A bounded window of MsgApp messages sent but not yet acknowledged, limited
// by count and (softly) by total bytes. Kept as a ring buffer that grows on
// demand, like Go's, so that behaviour at the boundaries is identical.
import { panic } from '../util/panic.js';

export interface Inflight {
  /** Last entry index carried by the MsgApp. */
  index: number;
  /** Sum of the carried entries' sizes, in bytes. */
  bytes: number;
}

/** The internal state of an Inflights, for tests and debugging. */
export interface InflightsState {
  start: number;
  count: number;
  bytes: number;
  size: number;
  maxBytes: number;
  buffer: Inflight[];
}

export class Inflights {
  private start = 0;
  private cnt = 0;
  private totalBytes = 0;
  private readonly size: number;
  private readonly maxBytes: number;
  private buffer: Inflight[] = [];

  /**
   * At most `size` messages in flight, and no new one once `maxBytes` is
   * reached (0 means no byte limit; one message may overshoot the limit).
   */
  constructor(size: number, maxBytes: number) {
    this.size = size;
    this.maxBytes = maxBytes;
  }

  /** Builds an Inflights with the given internals (tests of the ring buffer). */
  static fromState(s: Partial<InflightsState> & { size: number }): Inflights {
    const in_ = new Inflights(s.size, s.maxBytes ?? 0);
    in_.start = s.start ?? 0;
    in_.cnt = s.count ?? 0;
    in_.totalBytes = s.bytes ?? 0;
    in_.buffer = (s.buffer ?? []).map((f) => ({ ...f }));
    return in_;
  }

  /** A copy of the internals. */
  state(): InflightsState {
    return {
      start: this.start,
      count: this.cnt,
      bytes: this.totalBytes,
      size: this.size,
      maxBytes: this.maxBytes,
      buffer: this.buffer.map((f) => ({ ...f })),
    };
  }

  /** An identical Inflights sharing no memory with this one. */
  clone(): Inflights {
    return Inflights.fromState(this.state());
  }

  /**
   * Records a message being sent. Callers check full() first; indexes must
   * be added in increasing order.
   */
  add(index: number, bytes: number): void {
    if (this.full()) panic('cannot add into a Full inflights');
    let next = this.start + this.cnt;
    if (next >= this.size) next -= this.size;
    if (next >= this.buffer.length) this.grow();
    this.buffer[next] = { index, bytes };
    this.cnt++;
    this.totalBytes += bytes;
  }

  // Doubles the buffer up to size: many idle Raft groups stay small.
  private grow(): void {
    let newSize = this.buffer.length * 2;
    if (newSize === 0) newSize = 1;
    else if (newSize > this.size) newSize = this.size;
    const nb: Inflight[] = new Array(newSize);
    for (let i = 0; i < newSize; i++) nb[i] = this.buffer[i] ?? { index: 0, bytes: 0 };
    this.buffer = nb;
  }

  /** Frees the messages with index <= to. */
  freeLE(to: number): void {
    if (this.cnt === 0 || to < this.buffer[this.start]!.index) return;
    let idx = this.start;
    let i: number;
    let bytes = 0;
    for (i = 0; i < this.cnt; i++) {
      if (to < this.buffer[idx]!.index) break;
      bytes += this.buffer[idx]!.bytes;
      idx++;
      if (idx >= this.size) idx -= this.size;
    }
    this.cnt -= i;
    this.totalBytes -= bytes;
    this.start = idx;
    if (this.cnt === 0) {
      // Restart at the front so that the buffer does not grow needlessly.
      this.start = 0;
    }
  }

  /** Whether no more messages may be sent now. */
  full(): boolean {
    return this.cnt === this.size || (this.maxBytes !== 0 && this.totalBytes >= this.maxBytes);
  }

  /** The number of messages in flight. */
  count(): number {
    return this.cnt;
  }

  /** The number of bytes in flight. */
  bytes(): number {
    return this.totalBytes;
  }

  /** Frees everything. */
  reset(): void {
    this.start = 0;
    this.cnt = 0;
    this.totalBytes = 0;
  }
}
