// log-level <DEBUG|INFO|WARN|ERROR|FATAL|NONE>
import { formatV } from '../../util/gofmt.js';
import { type DirectiveData, fail } from '../args.js';
import type { InteractionEnv } from '../env.js';
import { lvlNames } from '../logger.js';

export function handleLogLevel(env: InteractionEnv, d: DirectiveData): Error | null {
  const first = d.cmdArgs[0];
  if (first === undefined) fail('log-level: missing argument (the level)');
  return logLevel(env, first.key);
}

/** Sets the output's log level by name (case-insensitive); NONE silences all but errors. */
export function logLevel(env: InteractionEnv, name: string): Error | null {
  const lower = name.toLowerCase();
  for (let i = 0; i < lvlNames.length; i++) {
    if (lvlNames[i]!.toLowerCase() === lower) {
      env.output.lvl = i;
      return null;
    }
  }
  return new Error(`log levels must be either of ${formatV([...lvlNames])}`);
}
