// _breakpoint: does nothing; a place to stop a debugger in a long script.
import type { DirectiveData } from '../args.js';
import type { InteractionEnv } from '../env.js';

export function handleBreakpoint(_env: InteractionEnv, _d: DirectiveData): Error | null {
  return null;
}
