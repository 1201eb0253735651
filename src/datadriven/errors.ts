// Script errors: thrown by scanning helpers, the reader and handlers when a
// test file is wrong (as opposed to output that differs from the expected).
// The runner stops the file and reports `file:line: message`.
export class DirectiveError extends Error {
  override name = 'DirectiveError';
  /** file:line, when known where the error was raised; the runner fills it in otherwise. */
  pos: string | undefined;

  constructor(message: string, pos?: string) {
    super(message);
    this.pos = pos;
  }
}

// Thrown by TestData.skip(): ends the file without failing it (Go's t.Skip).
export class SkipError extends Error {
  override name = 'SkipError';
}
