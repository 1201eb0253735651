// What each environment's commands accept, for the REPL's .help and tab
// completion. The interaction commands describe themselves (with their
// handlers, in src/interaction/handlers/index.ts); the quorum and confchange
// handlers live in src/quorum/env.ts and src/confchange/env.ts.
import { commands } from '../interaction/handlers/index.js';
import type { EnvName } from './envs.js';

export interface CommandDoc {
  name: string;
  /** Positional arguments, as shown in help. */
  args: string;
  /** Option keys (without `=`). */
  options: string[];
  /** Whether the command reads input lines after the directive. */
  takesInput: boolean;
  summary: string;
  example: string;
}

const interaction: CommandDoc[] = [...commands.values()].map((c) => ({
  name: c.name,
  args: c.usage,
  options: [...c.options],
  takesInput: c.takesInput,
  summary: c.summary,
  example: c.example,
}));

const confchange: CommandDoc[] = [
  { name: 'simple', args: '', options: [], takesInput: true, summary: 'Apply simple changes (input: v1 l2 r3 u4).', example: 'simple\nv1' },
  { name: 'enter-joint', args: '', options: ['autoleave'], takesInput: true, summary: 'Enter a joint configuration.', example: 'enter-joint autoleave=true\nv2 v3' },
  { name: 'leave-joint', args: '', options: [], takesInput: false, summary: 'Leave the joint configuration.', example: 'leave-joint' },
];

const quorum: CommandDoc[] = [
  { name: 'committed', args: '', options: ['cfg', 'cfgj', 'idx'], takesInput: false, summary: 'Compute the committed index.', example: 'committed cfg=(1,2,3) idx=(10,20,30)' },
  { name: 'vote', args: '', options: ['cfg', 'cfgj', 'votes'], takesInput: false, summary: 'Compute the vote result.', example: 'vote cfg=(1,2,3) votes=(y,n,_)' },
];

const catalogs: Record<EnvName, CommandDoc[]> = { interaction, confchange, quorum };

export function commandCatalog(env: EnvName): CommandDoc[] {
  return catalogs[env];
}

export function findCommand(env: EnvName, name: string): CommandDoc | undefined {
  return catalogs[env].find((c) => c.name === name);
}
