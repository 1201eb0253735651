// The environments a script can run against, by the names used on the
// command line and in raftdd.yaml.
import { createConfChangeEnv } from '../confchange/env.js';
import { InteractionEnv } from '../interaction/env.js';
import { createQuorumEnv } from '../quorum/env.js';
import type { Directive } from '../datadriven/testdata.js';
import type { NodeDefaults } from '../interaction/env.js';

export type { Directive };

export const ENV_NAMES = ['interaction', 'confchange', 'quorum'] as const;
export type EnvName = (typeof ENV_NAMES)[number];

export interface Environment {
  handle(d: Directive): string;
}

export interface EnvOptions {
  seed?: number;
  stabilizeMaxRounds?: number;
  nodeDefaults?: NodeDefaults;
  /** Unused arguments are script errors rather than warnings (interaction). */
  strict?: boolean;
}

export function isEnvName(s: string): s is EnvName {
  return (ENV_NAMES as readonly string[]).includes(s);
}

/** A fresh environment: one per file, so files never share state. */
export function createEnv(name: EnvName, opts: EnvOptions = {}): Environment {
  switch (name) {
    case 'quorum':
      return createQuorumEnv();
    case 'confchange':
      return createConfChangeEnv();
    case 'interaction':
      return new InteractionEnv({
        seed: opts.seed,
        maxStabilizeRounds: opts.stabilizeMaxRounds,
        nodeDefaults: opts.nodeDefaults,
        strictArgs: opts.strict,
      });
  }
}
