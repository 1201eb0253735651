// What Go raft does with panic(): an invariant was broken or the caller
// misused the API. It surfaces as an exception of this class so that the
// harness can report it as a script error instead of crashing.
export class RaftPanic extends Error {
  override name = 'RaftPanic';
}

export function panic(message: string): never {
  throw new RaftPanic(message);
}
