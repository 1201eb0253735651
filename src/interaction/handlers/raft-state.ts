// raft-state: each node's view of its own role, term and leader.
import { stateTypeString } from '../../raft/util.js';
import { sprintf } from '../../util/gofmt.js';
import type { DirectiveData } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleRaftState(env: InteractionEnv, _d: DirectiveData): Error | null {
  return raftState(env);
}

export function raftState(env: InteractionEnv): Error | null {
  for (const n of env.nodes) {
    const st = n.rawNode.status();
    const voterStatus = st.config.voters.ids().has(st.id) ? '(Voter)' : '(Non-Voter)';
    env.output.write(
      sprintf('%d: %s %s Term:%d Lead:%d\n', st.id, stateTypeString(st.raftState), voterStatus, st.term, st.lead),
    );
  }
  return null;
}
