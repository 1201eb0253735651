// The README's library example, kept compiling and working.
import { describe, expect, it } from 'vitest';
import {
  describeReady,
  EntryType,
  InteractionEnv,
  isEmptyHardState,
  MemoryStorage,
  newRawNode,
  runTestFromString,
  StateType,
  unmarshalConfChange,
} from '../src/index.js';

describe('library API', () => {
  it('drives a RawNode directly', () => {
    const storage = new MemoryStorage();
    const rn = newRawNode({ id: 1, electionTick: 10, heartbeatTick: 1, maxSizePerMsg: 1 << 20, maxInflightMsgs: 256, storage });
    rn.bootstrap([{ id: 1 }]);
    const described: string[] = [];
    const handleReadies = () => {
      while (rn.hasReady()) {
        const rd = rn.ready();
        described.push(describeReady(rd));
        if (!isEmptyHardState(rd.hardState)) storage.setHardState(rd.hardState);
        storage.append(rd.entries);
        for (const e of rd.committedEntries) {
          if (e.type === EntryType.EntryConfChange) rn.applyConfChange(unmarshalConfChange(e.data!));
        }
        rn.advance(rd);
      }
    };
    handleReadies();
    rn.campaign();
    handleReadies();
    expect(rn.basicStatus().raftState).toBe(StateType.StateLeader);
    expect(described.join('\n')).toContain('State:StateLeader');
  });

  it('runs a script against the interaction environment', () => {
    const r = runTestFromString('add-nodes 1 voters=(1) index=2\n----\n', new InteractionEnv({ seed: 1 }), { rewrite: true });
    expect(r.error).toBeUndefined();
    expect(r.output).toContain('INFO 1 became follower at term 0');
  });
});
