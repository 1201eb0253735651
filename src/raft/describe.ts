// Human-readable descriptions of raft's data (util.go's Describe*). These
// strings are the output format of the interaction tests, so they must
// match Go exactly.
import { EntryType, EntryTypeName, messageTypeString } from '../raftpb/types.js';
import type { ConfState, Entry, HardState, Message, Snapshot } from '../raftpb/types.js';
import { unmarshalConfChange, unmarshalConfChangeV2 } from '../raftpb/proto.js';
import { asV2, confChangesToString } from '../raftpb/confchange.js';
import { decimal, formatBytesV, formatUint64sV, hex, quoteBytes } from '../util/gofmt.js';
import type { Ready, ReadState, SoftState } from './ready.js';
import { LocalAppendThread, LocalApplyThread, None, isEmptyHardState, isEmptySnap, stateTypeString } from './util.js';

/** Renders entry data for humans; the default is Go's `%q`. */
export type EntryFormatter = (data: Uint8Array) => string;

const defaultFormatter: EntryFormatter = (data) => quoteBytes(data);
const NO_DATA = new Uint8Array(0);

export function describeHardState(hs: HardState): string {
  let s = `Term:${decimal(hs.term)}`;
  if (hs.vote !== 0) s += ` Vote:${decimal(hs.vote)}`;
  return s + ` Commit:${decimal(hs.commit)}`;
}

export function describeSoftState(ss: SoftState): string {
  return `Lead:${decimal(ss.lead)} State:${stateTypeString(ss.raftState)}`;
}

export function describeConfState(state: ConfState): string {
  return (
    `Voters:${formatUint64sV(state.voters)} VotersOutgoing:${formatUint64sV(state.votersOutgoing)} ` +
    `Learners:${formatUint64sV(state.learners)} LearnersNext:${formatUint64sV(state.learnersNext)} AutoLeave:${state.autoLeave}`
  );
}

export function describeSnapshot(snap: Snapshot): string {
  const m = snap.metadata;
  return `Index:${decimal(m.index)} Term:${decimal(m.term)} ConfState:${describeConfState(m.confState)}`;
}

/** Go `%v` of a []ReadState. */
export function formatReadStates(rss: readonly ReadState[]): string {
  return '[' + rss.map((rs) => `{${decimal(rs.index)} ${formatBytesV(rs.requestCtx)}}`).join(' ') + ']';
}

export function describeReady(rd: Ready, f?: EntryFormatter): string {
  let buf = '';
  if (rd.softState !== undefined) buf += describeSoftState(rd.softState) + '\n';
  if (!isEmptyHardState(rd.hardState)) buf += `HardState ${describeHardState(rd.hardState)}\n`;
  if (rd.readStates.length > 0) buf += `ReadStates ${formatReadStates(rd.readStates)}\n`;
  if (rd.entries.length > 0) buf += 'Entries:\n' + describeEntries(rd.entries, f);
  if (!isEmptySnap(rd.snapshot)) buf += `Snapshot ${describeSnapshot(rd.snapshot)}\n`;
  if (rd.committedEntries.length > 0) buf += 'CommittedEntries:\n' + describeEntries(rd.committedEntries, f);
  if (rd.messages.length > 0) {
    buf += 'Messages:\n';
    for (const msg of rd.messages) buf += describeMessage(msg, f) + '\n';
  }
  if (buf.length > 0) return `Ready MustSync=${rd.mustSync}:\n${buf}`;
  return '<empty Ready>';
}

export function describeMessage(m: Message, f?: EntryFormatter): string {
  return describeMessageWithIndent('', m, f);
}

function describeMessageWithIndent(indent: string, m: Message, f: EntryFormatter | undefined): string {
  let buf =
    `${indent}${describeTarget(m.from)}->${describeTarget(m.to)} ${messageTypeString(m.type)} ` +
    `Term:${decimal(m.term)} Log:${decimal(m.logTerm)}/${decimal(m.index)}`;
  if (m.reject) buf += ` Rejected (Hint: ${decimal(m.rejectHint)})`;
  if (m.commit !== 0) buf += ` Commit:${decimal(m.commit)}`;
  if (m.vote !== 0) buf += ` Vote:${decimal(m.vote)}`;
  const ln = m.entries.length;
  if (ln === 1) {
    buf += ` Entries:[${describeEntry(m.entries[0]!, f)}]`;
  } else if (ln > 1) {
    buf += ' Entries:[';
    for (const e of m.entries) buf += `\n${indent}  ` + describeEntry(e, f);
    buf += `\n${indent}]`;
  }
  const s = m.snapshot;
  if (s !== undefined && !isEmptySnap(s)) buf += `\n${indent}  Snapshot: ${describeSnapshot(s)}`;
  if (m.responses.length > 0) {
    buf += ' Responses:[';
    for (const r of m.responses) buf += '\n' + describeMessageWithIndent(indent + '  ', r, f);
    buf += `\n${indent}]`;
  }
  return buf;
}

/** A message endpoint: the node id in hex, or the name of a local target. */
export function describeTarget(id: number): string {
  switch (id) {
    case None:
      return 'None';
    case LocalAppendThread:
      return 'AppendThread';
    case LocalApplyThread:
      return 'ApplyThread';
    default:
      return hex(id);
  }
}

export function describeEntry(e: Entry, f?: EntryFormatter): string {
  const fmt = f ?? defaultFormatter;
  let formatted = '';
  switch (e.type) {
    case EntryType.EntryNormal:
      formatted = fmt(e.data ?? NO_DATA);
      break;
    case EntryType.EntryConfChange:
      try {
        formatted = confChangesToString(asV2(unmarshalConfChange(e.data)).changes);
      } catch (err) {
        formatted = (err as Error).message;
      }
      break;
    case EntryType.EntryConfChangeV2:
      try {
        formatted = confChangesToString(unmarshalConfChangeV2(e.data).changes);
      } catch (err) {
        formatted = (err as Error).message;
      }
      break;
  }
  if (formatted !== '') formatted = ' ' + formatted;
  return `${decimal(e.term)}/${decimal(e.index)} ${EntryTypeName[e.type] ?? String(e.type)}${formatted}`;
}

/** describeEntry of each entry, each followed by a newline. */
export function describeEntries(ents: readonly Entry[], f?: EntryFormatter): string {
  let buf = '';
  for (const e of ents) buf += describeEntry(e, f) + '\n';
  return buf;
}
