import { describe, expect, it } from 'vitest';
import {
  ConfChangeTransition,
  ConfChangeType,
  EntryType,
  asV1,
  asV2,
  confChangesFromString,
  confChangesToString,
  enterJoint,
  formatConfChangePlusV,
  formatConfChangeV,
  isConfChangeV2,
  leaveJoint,
  marshalConfChange,
  marshalConfChangeI,
  marshalConfChangeV2,
  newConfChange,
  newConfChangeV2,
  unmarshalConfChange,
  unmarshalConfChangeV2,
} from '../../src/raftpb/index.js';
import { RaftPanic } from '../../src/util/panic.js';

const { ConfChangeAddNode, ConfChangeRemoveNode, ConfChangeUpdateNode, ConfChangeAddLearnerNode } = ConfChangeType;
const { ConfChangeTransitionAuto, ConfChangeTransitionJointImplicit, ConfChangeTransitionJointExplicit } =
  ConfChangeTransition;

describe('AsV1 / AsV2', () => {
  it('converts a V1 change', () => {
    const ctx = new Uint8Array([1, 2]);
    const cc = newConfChange({ type: ConfChangeAddLearnerNode, nodeId: 7, id: 3, context: ctx });
    expect(isConfChangeV2(cc)).toBe(false);
    expect(asV1(cc)).toBe(cc);
    expect(asV2(cc)).toEqual({
      transition: ConfChangeTransitionAuto,
      changes: [{ type: ConfChangeAddLearnerNode, nodeId: 7 }],
      context: ctx,
    });
  });
  it('V2 is the identity', () => {
    const cc = newConfChangeV2({ changes: [{ type: ConfChangeRemoveNode, nodeId: 1 }] });
    expect(isConfChangeV2(cc)).toBe(true);
    expect(asV2(cc)).toBe(cc);
    expect(asV1(cc)).toBeUndefined();
  });
});

describe('EnterJoint / LeaveJoint', () => {
  const one = [{ type: ConfChangeAddNode, nodeId: 1 }];
  const two = [...one, { type: ConfChangeAddNode, nodeId: 2 }];
  const cases: Array<[number, typeof one, boolean, boolean]> = [
    [ConfChangeTransitionAuto, [], false, false],
    [ConfChangeTransitionAuto, one, false, false],
    [ConfChangeTransitionAuto, two, true, true],
    [ConfChangeTransitionJointImplicit, one, true, true],
    [ConfChangeTransitionJointImplicit, [], true, true],
    [ConfChangeTransitionJointExplicit, one, false, true],
    [ConfChangeTransitionJointExplicit, two, false, true],
  ];
  cases.forEach(([transition, changes, autoLeave, ok], i) => {
    it(`#${i}`, () => {
      const cc = newConfChangeV2({ transition: transition as ConfChangeTransition, changes });
      expect(enterJoint(cc)).toEqual({ autoLeave, ok });
    });
  });
  it('panics on an unknown transition', () => {
    const cc = newConfChangeV2({ transition: 9 as ConfChangeTransition, changes: one });
    expect(() => enterJoint(cc)).toThrow(RaftPanic);
    expect(() => enterJoint(cc)).toThrow(
      'unknown transition: {Transition:9 Changes:[{Type:ConfChangeAddNode NodeID:1}] Context:[]}',
    );
  });
  it('LeaveJoint ignores only the context', () => {
    expect(leaveJoint(newConfChangeV2())).toBe(true);
    expect(leaveJoint(newConfChangeV2({ context: new Uint8Array([1]) }))).toBe(true);
    expect(leaveJoint(newConfChangeV2({ transition: ConfChangeTransitionJointExplicit }))).toBe(false);
    expect(leaveJoint(newConfChangeV2({ changes: one }))).toBe(false);
  });
});

describe('ConfChangesFromString / ConfChangesToString', () => {
  it('round-trips', () => {
    const ccs = confChangesFromString(' v1 l2 r3 u4 ');
    expect(ccs).toEqual([
      { type: ConfChangeAddNode, nodeId: 1 },
      { type: ConfChangeAddLearnerNode, nodeId: 2 },
      { type: ConfChangeRemoveNode, nodeId: 3 },
      { type: ConfChangeUpdateNode, nodeId: 4 },
    ]);
    expect(confChangesToString(ccs)).toBe('v1 l2 r3 u4');
    expect(confChangesFromString('')).toEqual([]);
    expect(confChangesFromString('   ')).toEqual([]);
    expect(confChangesToString([])).toBe('');
    expect(confChangesToString([{ type: 9 as ConfChangeType, nodeId: 5 }])).toBe('unknown5');
  });
  it('fails like Go', () => {
    expect(() => confChangesFromString('v')).toThrow(/^unknown token v$/);
    expect(() => confChangesFromString('v1  v2')).toThrow(/^unknown token $/);
    expect(() => confChangesFromString('x1')).toThrow(/^unknown input: x1$/);
    expect(() => confChangesFromString('vx')).toThrow('strconv.ParseUint: parsing "x": invalid syntax');
    expect(() => confChangesFromString('v-1')).toThrow('strconv.ParseUint: parsing "-1": invalid syntax');
    expect(() => confChangesFromString('v18446744073709551616')).toThrow(
      'strconv.ParseUint: parsing "18446744073709551616": value out of range',
    );
  });
});

describe('marshal / unmarshal', () => {
  it('encodes ConfChange like gogoproto', () => {
    const cc = newConfChange({ type: ConfChangeAddNode, nodeId: 3 });
    expect([...marshalConfChange(cc)]).toEqual([0x08, 0x00, 0x10, 0x00, 0x18, 0x03]);
    const cc2 = newConfChange({ id: 300, type: ConfChangeRemoveNode, nodeId: 2, context: new Uint8Array([104, 105]) });
    expect([...marshalConfChange(cc2)]).toEqual([0x08, 0xac, 0x02, 0x10, 0x01, 0x18, 0x02, 0x22, 0x02, 104, 105]);
    expect(unmarshalConfChange(marshalConfChange(cc2))).toEqual(cc2);
    expect(unmarshalConfChange(marshalConfChange(cc))).toEqual(cc);
    // An empty but present context survives as empty, not absent.
    const cc3 = newConfChange({ context: new Uint8Array(0) });
    expect([...marshalConfChange(cc3)]).toEqual([0x08, 0, 0x10, 0, 0x18, 0, 0x22, 0]);
    expect(unmarshalConfChange(marshalConfChange(cc3)).context).toEqual(new Uint8Array(0));
  });

  it('encodes ConfChangeV2 like gogoproto', () => {
    const cc = newConfChangeV2({
      changes: [
        { type: ConfChangeAddNode, nodeId: 2 },
        { type: ConfChangeAddNode, nodeId: 3 },
      ],
    });
    const b = marshalConfChangeV2(cc);
    expect([...b]).toEqual([0x08, 0x00, 0x12, 0x04, 0x08, 0x00, 0x10, 0x02, 0x12, 0x04, 0x08, 0x00, 0x10, 0x03]);
    expect(unmarshalConfChangeV2(b)).toEqual(cc);
    const big = newConfChangeV2({
      transition: ConfChangeTransitionJointExplicit,
      changes: [{ type: ConfChangeAddLearnerNode, nodeId: 2 ** 40 }],
      context: new Uint8Array([9]),
    });
    expect(unmarshalConfChangeV2(marshalConfChangeV2(big))).toEqual(big);
    expect([...marshalConfChangeV2(newConfChangeV2())]).toEqual([0x08, 0x00]);
  });

  it('MarshalConfChange picks the entry type', () => {
    const v1 = newConfChange({ nodeId: 1 });
    expect(marshalConfChangeI(v1)).toEqual({ type: EntryType.EntryConfChange, data: marshalConfChange(v1) });
    const v2 = newConfChangeV2({ changes: [{ type: ConfChangeAddNode, nodeId: 1 }] });
    expect(marshalConfChangeI(v2)).toEqual({ type: EntryType.EntryConfChangeV2, data: marshalConfChangeV2(v2) });
    expect(marshalConfChangeI(undefined)).toEqual({ type: EntryType.EntryConfChangeV2, data: undefined });
    // Nil data decodes as the empty V2 change (leave joint).
    expect(leaveJoint(unmarshalConfChangeV2(undefined))).toBe(true);
    expect(unmarshalConfChangeV2(new Uint8Array(0))).toEqual(newConfChangeV2());
  });

  it('skips unknown fields', () => {
    // field 5 varint, field 6 fixed64, field 7 bytes, field 8 fixed32, then NodeID=4.
    const b = new Uint8Array([
      0x28, 0x96, 0x01, 0x31, 1, 2, 3, 4, 5, 6, 7, 8, 0x3a, 0x02, 1, 2, 0x45, 1, 2, 3, 4, 0x18, 0x04,
    ]);
    expect(unmarshalConfChange(b)).toEqual(newConfChange({ nodeId: 4 }));
    // a group (field 9 start/end) is skipped as a whole
    expect(unmarshalConfChange(new Uint8Array([0x4b, 0x08, 0x01, 0x4c, 0x18, 0x05]))).toEqual(newConfChange({ nodeId: 5 }));
    // like Go, the end-group tag need not match the start's field number
    expect(unmarshalConfChange(new Uint8Array([0x08, 0x01, 0x2b, 0x34]))).toEqual(newConfChange({ id: 1 }));
  });

  const errCases: Array<[string, number[], string]> = [
    ['truncated tag', [0x80], 'unexpected EOF'],
    ['truncated varint', [0x08], 'unexpected EOF'],
    ['truncated value', [0x08, 0x80], 'unexpected EOF'],
    ['wrong wire type', [0x0a, 0x00], 'proto: wrong wireType = 2 for field ID'],
    ['wrong wire type for context', [0x20, 0x00], 'proto: wrong wireType = 0 for field Context'],
    ['field 0', [0x00], 'proto: ConfChange: illegal tag 0 (wire type 0)'],
    ['field 0 wt 2', [0x02], 'proto: ConfChange: illegal tag 0 (wire type 2)'],
    ['end group', [0x0c], 'proto: ConfChange: wiretype end group for non-group'],
    ['short context', [0x22, 0x05, 0x01], 'unexpected EOF'],
    ['overflow', [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 'proto: integer overflow'],
    [
      'negative length',
      [0x22, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
      'proto: negative length found during unmarshaling',
    ],
    ['illegal wire type', [0x2f], 'proto: illegal wireType 7'],
    ['unknown fixed64 past end', [0x29, 1, 2], 'unexpected EOF'],
    ['unknown group unterminated', [0x4b, 0x08, 0x01], 'unexpected EOF'],
  ];
  for (const [name, bytes, msg] of errCases) {
    it(`ConfChange error: ${name}`, () => {
      expect(() => unmarshalConfChange(new Uint8Array(bytes))).toThrow(msg);
    });
  }

  it('ConfChangeV2 errors name the right message', () => {
    expect(() => unmarshalConfChangeV2(new Uint8Array([0x0c]))).toThrow(
      'proto: ConfChangeV2: wiretype end group for non-group',
    );
    expect(() => unmarshalConfChangeV2(new Uint8Array([0x12, 0x02, 0x0a, 0x00]))).toThrow(
      'proto: wrong wireType = 2 for field Type',
    );
    expect(() => unmarshalConfChangeV2(new Uint8Array([0x12, 0x01, 0x00]))).toThrow(
      'proto: ConfChangeSingle: illegal tag 0 (wire type 0)',
    );
    expect(() => unmarshalConfChangeV2(new Uint8Array([0x12, 0x03, 0x08]))).toThrow('unexpected EOF');
    expect(() => unmarshalConfChangeV2(new Uint8Array([0x08, 0x00, 0x1a]))).toThrow('unexpected EOF');
    expect(() => unmarshalConfChangeV2(new Uint8Array([0x10, 0x00]))).toThrow('proto: wrong wireType = 0 for field Changes');
  });

  it('enum fields keep Go int32 semantics', () => {
    // -1 as a 10-byte varint decodes to type -1, which prints as a number.
    const b = new Uint8Array([0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    const cc = unmarshalConfChange(b);
    expect(cc.type).toBe(-1);
    expect(formatConfChangeV(cc)).toBe('{-1 0 [] 0}');
    expect([...marshalConfChange(cc)].slice(2, 13)).toEqual([...b]);
  });
});

describe('%v of conf changes', () => {
  it('prints like the golden files', () => {
    expect(formatConfChangeV(newConfChange({ type: ConfChangeAddNode, nodeId: 3 }))).toBe('{ConfChangeAddNode 3 [] 0}');
    expect(formatConfChangeV(newConfChange({ type: ConfChangeAddLearnerNode, nodeId: 1 }))).toBe(
      '{ConfChangeAddLearnerNode 1 [] 0}',
    );
    expect(
      formatConfChangeV(
        newConfChangeV2({
          changes: [
            { type: ConfChangeAddNode, nodeId: 2 },
            { type: ConfChangeAddNode, nodeId: 3 },
          ],
        }),
      ),
    ).toBe('{ConfChangeTransitionAuto [{ConfChangeAddNode 2} {ConfChangeAddNode 3}] []}');
    expect(
      formatConfChangeV(
        newConfChangeV2({
          transition: ConfChangeTransitionJointImplicit,
          changes: [{ type: ConfChangeRemoveNode, nodeId: 3 }],
          context: new Uint8Array([1, 2]),
        }),
      ),
    ).toBe('{ConfChangeTransitionJointImplicit [{ConfChangeRemoveNode 3}] [1 2]}');
    expect(formatConfChangeV(newConfChangeV2())).toBe('{ConfChangeTransitionAuto [] []}');
    expect(formatConfChangePlusV(newConfChange({ nodeId: 2, id: 5 }))).toBe(
      '{Type:ConfChangeAddNode NodeID:2 Context:[] ID:5}',
    );
  });
});
