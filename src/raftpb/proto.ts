// Protobuf encoding of the raftpb messages, byte for byte as gogoproto's
// generated raft.pb.go does it (field order, varints, nil vs empty bytes), so
// that sizes (which drive flow control) and encoded conf changes match Go.
import type {
  ConfChange,
  ConfChangeSingle,
  ConfChangeTransition,
  ConfChangeType,
  ConfChangeV2,
  ConfState,
  Entry,
  HardState,
  Message,
  Snapshot,
  SnapshotMetadata,
} from './types.js';
import { ConfChangeTransition as CCT, ConfChangeType as CCType } from './types.js';

/** Go's sovRaft: bytes needed for the varint encoding of a uint64. */
export function sov(x: number): number {
  if (x < 0x80) return x >= 0 ? 1 : 10; // negative enums sign-extend to 10 bytes
  if (x < 0x4000) return 2;
  if (x < 0x200000) return 3;
  if (x < 0x10000000) return 4;
  if (x < 0x800000000) return 5;
  if (x < 0x40000000000) return 6;
  if (x < 0x2000000000000) return 7;
  if (x < 0x100000000000000) return 8;
  if (x < 2 ** 63) return 9;
  return 10;
}

function bytesFieldSize(b: Uint8Array | undefined): number {
  if (b === undefined) return 0;
  const l = b.length;
  return 1 + l + sov(l);
}

/** Entry.Size(). */
export function entrySize(e: Entry): number {
  const d = e.data;
  let n = 3 + sov(e.type) + sov(e.term) + sov(e.index);
  if (d !== undefined) {
    const l = d.length;
    n += 1 + l + (l < 0x80 ? 1 : sov(l));
  }
  return n;
}

export function hardStateSize(hs: HardState): number {
  return 3 + sov(hs.term) + sov(hs.vote) + sov(hs.commit);
}

export function confStateSize(cs: ConfState): number {
  let n = 2;
  for (const v of cs.voters) n += 1 + sov(v);
  for (const v of cs.learners) n += 1 + sov(v);
  for (const v of cs.votersOutgoing) n += 1 + sov(v);
  for (const v of cs.learnersNext) n += 1 + sov(v);
  return n;
}

export function snapshotMetadataSize(md: SnapshotMetadata): number {
  const l = confStateSize(md.confState);
  return 1 + l + sov(l) + 2 + sov(md.index) + sov(md.term);
}

export function snapshotSize(s: Snapshot): number {
  const l = snapshotMetadataSize(s.metadata);
  return bytesFieldSize(s.data) + 1 + l + sov(l);
}

/** Encoded length of a Message in bytes (Go's Message.Size()). */
export function messageSize(m: Message): number {
  let n = 6 + sov(m.type) + sov(m.to) + sov(m.from) + sov(m.term) + sov(m.logTerm) + sov(m.index);
  for (const e of m.entries) {
    const l = entrySize(e);
    n += 1 + l + sov(l);
  }
  n += 1 + sov(m.commit);
  if (m.snapshot !== undefined) {
    const l = snapshotSize(m.snapshot);
    n += 1 + l + sov(l);
  }
  n += 2;
  n += 1 + sov(m.rejectHint);
  n += bytesFieldSize(m.context);
  n += 1 + sov(m.vote);
  for (const r of m.responses) {
    const l = messageSize(r);
    n += 1 + l + sov(l);
  }
  return n;
}

export function confChangeSize(cc: ConfChange): number {
  return 3 + sov(cc.id) + sov(cc.type) + sov(cc.nodeId) + bytesFieldSize(cc.context);
}

export function confChangeSingleSize(cc: ConfChangeSingle): number {
  return 2 + sov(cc.type) + sov(cc.nodeId);
}

export function confChangeV2Size(cc: ConfChangeV2): number {
  let n = 1 + sov(cc.transition);
  for (const c of cc.changes) {
    const l = confChangeSingleSize(c);
    n += 1 + l + sov(l);
  }
  return n + bytesFieldSize(cc.context);
}

// ---------------------------------------------------------------------------
// Encoding (front to back; the Go code fills the buffer back to front but the
// resulting bytes are the same).

class Writer {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  varint(v: number): void {
    if (v < 0 || v > Number.MAX_SAFE_INTEGER) {
      // A negative int32 enum is encoded as uint64(v) (two's complement);
      // NO_LIMIT and other values at or past 2^64 stand for math.MaxUint64.
      let b = v >= 2 ** 64 ? 0xffffffffffffffffn : BigInt.asUintN(64, BigInt(Math.trunc(v)));
      while (b >= 0x80n) {
        this.buf[this.pos++] = Number(b & 0x7fn) | 0x80;
        b >>= 7n;
      }
      this.buf[this.pos++] = Number(b);
      return;
    }
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  tag(t: number): void {
    this.buf[this.pos++] = t;
  }

  bytes(b: Uint8Array): void {
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

function writeConfChangeSingle(w: Writer, cc: ConfChangeSingle): void {
  w.tag(0x08);
  w.varint(cc.type);
  w.tag(0x10);
  w.varint(cc.nodeId);
}

/** ConfChange.Marshal(). */
export function marshalConfChange(cc: ConfChange): Uint8Array {
  const w = new Writer(new Uint8Array(confChangeSize(cc)));
  w.tag(0x08);
  w.varint(cc.id);
  w.tag(0x10);
  w.varint(cc.type);
  w.tag(0x18);
  w.varint(cc.nodeId);
  if (cc.context !== undefined) {
    w.tag(0x22);
    w.bytes(cc.context);
  }
  return w.buf;
}

/** ConfChangeV2.Marshal(). */
export function marshalConfChangeV2(cc: ConfChangeV2): Uint8Array {
  const w = new Writer(new Uint8Array(confChangeV2Size(cc)));
  w.tag(0x08);
  w.varint(cc.transition);
  for (const c of cc.changes) {
    w.tag(0x12);
    w.varint(confChangeSingleSize(c));
    writeConfChangeSingle(w, c);
  }
  if (cc.context !== undefined) {
    w.tag(0x1a);
    w.bytes(cc.context);
  }
  return w.buf;
}

/** HardState.Marshal(). */
export function marshalHardState(hs: HardState): Uint8Array {
  const w = new Writer(new Uint8Array(hardStateSize(hs)));
  w.tag(0x08);
  w.varint(hs.term);
  w.tag(0x10);
  w.varint(hs.vote);
  w.tag(0x18);
  w.varint(hs.commit);
  return w.buf;
}

/** Entry.Marshal(). */
export function marshalEntry(e: Entry): Uint8Array {
  const w = new Writer(new Uint8Array(entrySize(e)));
  w.tag(0x08);
  w.varint(e.type);
  w.tag(0x10);
  w.varint(e.term);
  w.tag(0x18);
  w.varint(e.index);
  if (e.data !== undefined) {
    w.tag(0x22);
    w.bytes(e.data);
  }
  return w.buf;
}

// ---------------------------------------------------------------------------
// Decoding, with the errors of the generated Go code.

export const ErrUnexpectedEOF = new Error('unexpected EOF');
export const ErrInvalidLengthRaft = new Error('proto: negative length found during unmarshaling');
export const ErrIntOverflowRaft = new Error('proto: integer overflow');
export const ErrUnexpectedEndOfGroupRaft = new Error('proto: unexpected end of group');

const MASK64 = (1n << 64n) - 1n;

class Reader {
  pos = 0;
  constructor(
    readonly buf: Uint8Array,
    readonly end: number,
  ) {}

  /** A varint as a uint64 BigInt (Go truncates bits beyond 64). */
  varintBig(): bigint {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (shift >= 64n) throw ErrIntOverflowRaft;
      if (this.pos >= this.end) throw ErrUnexpectedEOF;
      const b = this.buf[this.pos++]!;
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    return v & MASK64;
  }

  /** A varint as a number; exact for the common case of values below 2^53. */
  varint(): number {
    const start = this.pos;
    let v = 0;
    let mul = 1;
    for (let k = 0; k < 7; k++) {
      if (this.pos >= this.end) throw ErrUnexpectedEOF;
      const b = this.buf[this.pos++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
    }
    this.pos = start;
    return Number(this.varintBig());
  }

  /** A varint read into an int32 enum field, as Go does (low 32 bits, signed). */
  varintInt32(): number {
    return Number(BigInt.asIntN(32, this.varintBig()));
  }

  /** Length prefix of a bytes/message field; returns the end offset. */
  length(): number {
    const big = this.varintBig();
    const len = BigInt.asIntN(64, big);
    if (len < 0n) throw ErrInvalidLengthRaft;
    const post = BigInt(this.pos) + len;
    if (post > BigInt(this.end)) throw ErrUnexpectedEOF;
    return Number(post);
  }
}

/** Go's skipRaft: length of the unknown field starting at r.pos. */
function skip(buf: Uint8Array, start: number, end: number): number {
  const r = new Reader(buf, end);
  r.pos = start;
  let depth = 0;
  while (r.pos < end) {
    const wire = r.varintBig();
    const wireType = Number(wire & 7n);
    switch (wireType) {
      case 0:
        for (let shift = 0; ; shift += 7) {
          if (shift >= 64) throw ErrIntOverflowRaft;
          if (r.pos >= end) throw ErrUnexpectedEOF;
          r.pos++;
          if (buf[r.pos - 1]! < 0x80) break;
        }
        break;
      case 1:
        r.pos += 8;
        break;
      case 2: {
        const len = BigInt.asIntN(64, r.varintBig());
        if (len < 0n) throw ErrInvalidLengthRaft;
        const next = BigInt(r.pos) + len;
        // Go's int arithmetic would wrap; anything this large is past the end anyway.
        r.pos = next > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(next);
        break;
      }
      case 3:
        depth++;
        break;
      case 4:
        if (depth === 0) throw ErrUnexpectedEndOfGroupRaft;
        depth--;
        break;
      case 5:
        r.pos += 4;
        break;
      default:
        throw new Error(`proto: illegal wireType ${wireType}`);
    }
    if (depth === 0) return r.pos - start;
  }
  throw ErrUnexpectedEOF;
}

type FieldHandler = (r: Reader, fieldNum: number, wireType: number) => boolean;

/** The generated Unmarshal loop: decodes tags, dispatches known fields, skips the rest. */
function decode(msgName: string, buf: Uint8Array, start: number, end: number, field: FieldHandler): void {
  const r = new Reader(buf, end);
  r.pos = start;
  while (r.pos < end) {
    const pre = r.pos;
    const wire = r.varintBig();
    const fieldNum = Number(BigInt.asIntN(32, wire >> 3n));
    const wireType = Number(wire & 7n);
    if (wireType === 4) throw new Error(`proto: ${msgName}: wiretype end group for non-group`);
    if (fieldNum <= 0) throw new Error(`proto: ${msgName}: illegal tag ${fieldNum} (wire type ${wire})`);
    if (!field(r, fieldNum, wireType)) {
      r.pos = pre;
      const skippy = skip(buf, pre, end);
      if (pre + skippy > end) throw ErrUnexpectedEOF;
      r.pos = pre + skippy;
    }
  }
  if (r.pos > end) throw ErrUnexpectedEOF;
}

function wrongWireType(wireType: number, name: string): Error {
  return new Error(`proto: wrong wireType = ${wireType} for field ${name}`);
}

function decodeConfChangeSingle(buf: Uint8Array, start: number, end: number): ConfChangeSingle {
  const cc: ConfChangeSingle = { type: CCType.ConfChangeAddNode, nodeId: 0 };
  decode('ConfChangeSingle', buf, start, end, (r, f, wt) => {
    switch (f) {
      case 1:
        if (wt !== 0) throw wrongWireType(wt, 'Type');
        cc.type = r.varintInt32() as ConfChangeType;
        return true;
      case 2:
        if (wt !== 0) throw wrongWireType(wt, 'NodeID');
        cc.nodeId = r.varint();
        return true;
    }
    return false;
  });
  return cc;
}

/** ConfChange.Unmarshal(): throws an Error with Go's message on bad input. */
export function unmarshalConfChange(b: Uint8Array | undefined): ConfChange {
  const cc: ConfChange = { type: CCType.ConfChangeAddNode, nodeId: 0, id: 0 };
  if (b === undefined) return cc;
  decode('ConfChange', b, 0, b.length, (r, f, wt) => {
    switch (f) {
      case 1:
        if (wt !== 0) throw wrongWireType(wt, 'ID');
        cc.id = r.varint();
        return true;
      case 2:
        if (wt !== 0) throw wrongWireType(wt, 'Type');
        cc.type = r.varintInt32() as ConfChangeType;
        return true;
      case 3:
        if (wt !== 0) throw wrongWireType(wt, 'NodeID');
        cc.nodeId = r.varint();
        return true;
      case 4: {
        if (wt !== 2) throw wrongWireType(wt, 'Context');
        const post = r.length();
        cc.context = b.slice(r.pos, post);
        r.pos = post;
        return true;
      }
    }
    return false;
  });
  return cc;
}

/** ConfChangeV2.Unmarshal(): throws an Error with Go's message on bad input. */
export function unmarshalConfChangeV2(b: Uint8Array | undefined): ConfChangeV2 {
  const cc: ConfChangeV2 = { transition: CCT.ConfChangeTransitionAuto, changes: [] };
  if (b === undefined) return cc;
  decode('ConfChangeV2', b, 0, b.length, (r, f, wt) => {
    switch (f) {
      case 1:
        if (wt !== 0) throw wrongWireType(wt, 'Transition');
        cc.transition = r.varintInt32() as ConfChangeTransition;
        return true;
      case 2: {
        if (wt !== 2) throw wrongWireType(wt, 'Changes');
        const post = r.length();
        cc.changes.push(decodeConfChangeSingle(b, r.pos, post));
        r.pos = post;
        return true;
      }
      case 3: {
        if (wt !== 2) throw wrongWireType(wt, 'Context');
        const post = r.length();
        cc.context = b.slice(r.pos, post);
        r.pos = post;
        return true;
      }
    }
    return false;
  });
  return cc;
}

/** HardState.Unmarshal(). */
export function unmarshalHardState(b: Uint8Array): HardState {
  const hs: HardState = { term: 0, vote: 0, commit: 0 };
  decode('HardState', b, 0, b.length, (r, f, wt) => {
    const names = ['', 'Term', 'Vote', 'Commit'];
    if (f >= 1 && f <= 3) {
      if (wt !== 0) throw wrongWireType(wt, names[f]!);
      const v = r.varint();
      if (f === 1) hs.term = v;
      else if (f === 2) hs.vote = v;
      else hs.commit = v;
      return true;
    }
    return false;
  });
  return hs;
}
