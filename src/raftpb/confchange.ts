// Uniform handling of the two conf change encodings (ConfChange, the legacy
// single change, and ConfChangeV2), and the compact text form used by tests.
import { panic } from '../util/panic.js';
import { decimal, formatBytesV } from '../util/gofmt.js';
import { parseUint64 } from '../util/strconv.js';
import { goTrimSpace } from '../util/utf8.js';
import {
  ConfChangeTransition,
  ConfChangeTransitionName,
  ConfChangeType,
  ConfChangeTypeName,
  EntryType,
} from './types.js';
import type { ConfChange, ConfChangeSingle, ConfChangeV2 } from './types.js';
import { marshalConfChange, marshalConfChangeV2 } from './proto.js';

/** Go's pb.ConfChangeI: either encoding of a configuration change. */
export type ConfChangeI = ConfChange | ConfChangeV2;

export function isConfChangeV2(cc: ConfChangeI): cc is ConfChangeV2 {
  return (cc as ConfChangeV2).changes !== undefined;
}

/** Converts to the V2 form; a V2 is returned unchanged. */
export function asV2(cc: ConfChangeI): ConfChangeV2 {
  if (isConfChangeV2(cc)) return cc;
  const v2: ConfChangeV2 = {
    transition: ConfChangeTransition.ConfChangeTransitionAuto,
    changes: [{ type: cc.type, nodeId: cc.nodeId }],
  };
  if (cc.context !== undefined) v2.context = cc.context;
  return v2;
}

/** The legacy ConfChange, or undefined for a V2 (Go's `(ConfChange{}, false)`). */
export function asV1(cc: ConfChangeI): ConfChange | undefined {
  return isConfChangeV2(cc) ? undefined : cc;
}

/**
 * `ok`: applying cc goes through a joint config (several changes, or a
 * non-auto transition); `autoLeave`: raft exits that joint config by itself.
 */
export function enterJoint(cc: ConfChangeV2): { autoLeave: boolean; ok: boolean } {
  if (cc.transition !== ConfChangeTransition.ConfChangeTransitionAuto || cc.changes.length > 1) {
    switch (cc.transition) {
      case ConfChangeTransition.ConfChangeTransitionAuto:
      case ConfChangeTransition.ConfChangeTransitionJointImplicit:
        return { autoLeave: true, ok: true };
      case ConfChangeTransition.ConfChangeTransitionJointExplicit:
        return { autoLeave: false, ok: true };
      default:
        panic(`unknown transition: ${formatConfChangePlusV(cc)}`);
    }
  }
  return { autoLeave: false, ok: false };
}

/** An empty auto-transition change (context aside) is the request to exit joint consensus. */
export function leaveJoint(cc: ConfChangeV2): boolean {
  return cc.transition === ConfChangeTransition.ConfChangeTransitionAuto && cc.changes.length === 0;
}

/**
 * Go's pb.MarshalConfChange: the entry type and encoded data. An absent
 * change encodes as an empty V2 with no data.
 */
export function marshalConfChangeI(cc: ConfChangeI | undefined): { type: EntryType; data: Uint8Array | undefined } {
  if (cc === undefined) return { type: EntryType.EntryConfChangeV2, data: undefined };
  if (isConfChangeV2(cc)) return { type: EntryType.EntryConfChangeV2, data: marshalConfChangeV2(cc) };
  return { type: EntryType.EntryConfChange, data: marshalConfChange(cc) };
}

/**
 * Parses a space-delimited list of operations (`v1` voter, `l2` learner,
 * `r3` remove, `u4` update). Throws an Error with Go's message.
 */
export function confChangesFromString(s: string): ConfChangeSingle[] {
  const ccs: ConfChangeSingle[] = [];
  const trimmed = goTrimSpace(s);
  if (trimmed === '') return ccs;
  for (const tok of trimmed.split(' ')) {
    if (tok.length < 2) throw new Error(`unknown token ${tok}`);
    let type: ConfChangeType;
    switch (tok[0]) {
      case 'v': type = ConfChangeType.ConfChangeAddNode; break;
      case 'l': type = ConfChangeType.ConfChangeAddLearnerNode; break;
      case 'r': type = ConfChangeType.ConfChangeRemoveNode; break;
      case 'u': type = ConfChangeType.ConfChangeUpdateNode; break;
      default: throw new Error(`unknown input: ${tok}`);
    }
    ccs.push({ type, nodeId: parseUint64(tok.slice(1)) });
  }
  return ccs;
}

/** The inverse of confChangesFromString. */
export function confChangesToString(ccs: readonly ConfChangeSingle[]): string {
  let s = '';
  for (let i = 0; i < ccs.length; i++) {
    const cc = ccs[i]!;
    if (i > 0) s += ' ';
    switch (cc.type) {
      case ConfChangeType.ConfChangeAddNode: s += 'v'; break;
      case ConfChangeType.ConfChangeAddLearnerNode: s += 'l'; break;
      case ConfChangeType.ConfChangeRemoveNode: s += 'r'; break;
      case ConfChangeType.ConfChangeUpdateNode: s += 'u'; break;
      default: s += 'unknown';
    }
    s += decimal(cc.nodeId);
  }
  return s;
}

// Go's %v / %+v of the structs. Enums print their name (number if unknown),
// a nil []byte prints as `[]`.

export function confChangeTypeString(t: number): string {
  return ConfChangeTypeName[t] ?? String(t);
}

export function confChangeTransitionString(t: number): string {
  return ConfChangeTransitionName[t] ?? String(t);
}

/** Go `%v` of a ConfChange or ConfChangeV2 value. */
export function formatConfChangeV(cc: ConfChangeI): string {
  if (isConfChangeV2(cc)) {
    const changes = cc.changes.map((c) => `{${confChangeTypeString(c.type)} ${decimal(c.nodeId)}}`).join(' ');
    return `{${confChangeTransitionString(cc.transition)} [${changes}] ${formatBytesV(cc.context)}}`;
  }
  return `{${confChangeTypeString(cc.type)} ${decimal(cc.nodeId)} ${formatBytesV(cc.context)} ${decimal(cc.id)}}`;
}

/** Go `%+v` of a ConfChange or ConfChangeV2 value. */
export function formatConfChangePlusV(cc: ConfChangeI): string {
  if (isConfChangeV2(cc)) {
    const changes = cc.changes
      .map((c) => `{Type:${confChangeTypeString(c.type)} NodeID:${decimal(c.nodeId)}}`)
      .join(' ');
    return `{Transition:${confChangeTransitionString(cc.transition)} Changes:[${changes}] Context:${formatBytesV(cc.context)}}`;
  }
  return `{Type:${confChangeTypeString(cc.type)} NodeID:${decimal(cc.nodeId)} Context:${formatBytesV(cc.context)} ID:${decimal(cc.id)}}`;
}
